using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Infrastructure;

/// <summary>One MVC action of the portal, with a URL that reaches it (ids of real demo records filled in).</summary>
public sealed record PortalAction(string Controller, string Action, IReadOnlyList<string> Methods, string Url, bool AllowsAnonymous, bool IgnoresAntiforgery)
{
    public bool Accepts(string method) => Methods.Count == 0 || Methods.Contains(method, StringComparer.OrdinalIgnoreCase);

    public override string ToString() => $"{Controller}.{Action} {string.Join('/', Methods)} {Url}";
}

/// <summary>Every action the app's endpoint data source exposes: what the walking tests go through.</summary>
public static partial class PortalEndpoints
{
    public static async Task<IReadOnlyList<PortalAction>> ActionsAsync(PortalFactory factory)
    {
        var ids = await factory.QueryAsync(async db => new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Missions"] = (await db.Missions.Where(m => m.Title == DemoData.KalugaMissionTitle).Select(m => m.Id).SingleAsync()).ToString(CultureInfo.InvariantCulture),
            ["Users"] = await db.Users.Where(u => u.Email == DemoOptions.MinistryEmail).Select(u => u.Id).SingleAsync(),
        });

        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Action: e.Metadata.GetMetadata<ControllerActionDescriptor>()))
            .Where(x => x.Action is not null)
            .Select(x => new PortalAction(
                x.Action!.ControllerName,
                x.Action.ActionName,
                x.Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.ToList() ?? [],
                Url(x.Action!, ids),
                x.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                x.Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.ViewFeatures.IAntiforgeryPolicy>() is Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryTokenAttribute))
            .OrderBy(a => a.Url, StringComparer.Ordinal)
            .ToList();
    }

    private static string Url(ControllerActionDescriptor action, IReadOnlyDictionary<string, string> ids)
    {
        if (action.AttributeRouteInfo?.Template is { } template)
        {
            return "/" + Parameter().Replace(template, m => m.Groups["name"].Value == "code" ? "404" : "1").ToLowerInvariant();
        }

        var url = $"/{action.ControllerName}/{action.ActionName}".ToLowerInvariant();
        if (action.Parameters.Any(p => p.Name == "id"))
        {
            url += "/" + (ids.TryGetValue(action.ControllerName, out var id) ? id : "1");
        }

        return url;
    }

    [GeneratedRegex(@"\{(?<name>[a-zA-Z]+)[^}]*\}")]
    private static partial Regex Parameter();
}
