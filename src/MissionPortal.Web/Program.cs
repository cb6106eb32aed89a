using Microsoft.Extensions.Options;
using MissionPortal.Web.Features.Rosters;
using MissionPortal.Web.Infrastructure.Authorization;
using MissionPortal.Web.Infrastructure.Database;
using MissionPortal.Web.Infrastructure.Diagnostics;
using MissionPortal.Web.Infrastructure.Health;
using MissionPortal.Web.Infrastructure.Identity;
using MissionPortal.Web.Infrastructure.Localization;
using MissionPortal.Web.Infrastructure.Logging;
using MissionPortal.Web.Infrastructure.Mail;
using MissionPortal.Web.Infrastructure.Mvc;
using MissionPortal.Web.Infrastructure.Errors;
using MissionPortal.Web.Infrastructure.Security;

var builder = WebApplication.CreateBuilder(PortalCommands.HostArguments(args));
if (PortalCommands.Requested(args))
{
    return await PortalCommands.RunAsync(builder, args);
}

builder
    .AddPortalLogging()
    .AddPortalDatabase()
    .AddPortalIdentity()
    .AddPortalAuthorization()
    .AddPortalLocalization()
    .AddPortalMvc()
    .AddPortalStaticAssets()
    .AddPortalDataProtection()
    .AddPortalSecurity()
    .AddPortalMail();

try
{
    var app = builder.Build();

    // Settings are checked before anything is touched (the database, the data folder), and a bad one is one line.
    app.Services.GetRequiredService<IStartupValidator>().Validate();

    app.UsePortalSecurity();
    app.UsePortalErrorPages();
    app.UseSqlCommandHeader();
    // Routing first: the static assets below answer here (short-circuit), before logging, sessions and authorization.
    app.UseRouting();
    app.UsePortalRequestLogging();
    app.UseRequestLocalization();
    app.UseRateLimiter();
    app.UseAuthentication();
    app.UseRefusedAccessLog();
    app.UseDatabaseUnavailablePage();
    app.UseAuthorization();

    app.MapPortalStaticAssets();
    app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");
    // Every controller's views (conventional and attribute routes) link the fingerprinted addresses.
    app.MapControllers().WithStaticAssets();
    app.MapPortalHealthChecks();
    app.MapBenchEndpoints();

    if (!await app.PrepareDatabaseAsync())
    {
        return 1;
    }

    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException invalid)
{
    // A setting outside its domain (Portal:PublicUrl, Mail:…): one line that names it, and exit code 1.
    await Console.Error.WriteLineAsync("The portal can't start: " + string.Join(" ", invalid.Failures));
    return 1;
}

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
