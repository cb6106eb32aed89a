using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;

namespace MissionPortal.Web.Infrastructure.Mvc;

public static class MvcExtensions
{
    public static WebApplicationBuilder AddPortalMvc(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddControllersWithViews(options =>
            {
                // Every POST, PUT, PATCH and DELETE needs the antiforgery token.
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            })
            .AddViewLocalization()
            .AddRazorOptions(o => o.ViewLocationExpanders.Add(new FeatureViewLocationExpander()));

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddFeatureServices();
        builder.Services.AddRouting(o => o.LowercaseUrls = true);
        builder.Services.AddAntiforgery(o => o.Cookie.Name = "MissionPortal.Antiforgery");

        // Validators are called explicitly from actions; FluentValidation.AspNetCore only adds the client-side adapters.
        builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped);
        builder.Services.AddFluentValidationClientsideAdapters();
        ValidatorOptions.Global.LanguageManager.Enabled = true;
        return builder;
    }

    /// <summary>Query and command classes of the features, one scoped instance per request.</summary>
    private static void AddFeatureServices(this IServiceCollection services)
    {
        services.AddScoped<MissionPortal.Web.Features.Missions.MissionQueries>();
    }

    /// <summary>Copies FluentValidation's errors into ModelState, so the form re-renders with them.</summary>
    public static void AddTo(this FluentValidation.Results.ValidationResult result, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState)
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(error.PropertyName, error.ErrorMessage);
        }
    }
}
