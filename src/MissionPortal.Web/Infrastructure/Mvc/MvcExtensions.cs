using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

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
                // Validation is FluentValidation's, in the user's language; no English [Required] implied by nullability.
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                // Texts arrive as plain text: no control characters in names, titles or searches.
                options.ModelBinderProviders.Insert(0, new PlainTextModelBinderProvider());
            })
            .AddViewLocalization()
            .AddRazorOptions(o => o.ViewLocationExpanders.Add(new FeatureViewLocationExpander()));

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddFeatureServices();
        builder.Services.AddRouting(o => o.LowercaseUrls = true);
        builder.Services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((options, factory) =>
        {
            var l = new Localization.TypesetLocalizer(factory);
            var messages = options.ModelBindingMessageProvider;
            messages.SetValueIsInvalidAccessor(value => l["Введите значение в нужном формате вместо «{0}».", value]);
            messages.SetAttemptedValueIsInvalidAccessor((value, _) => l["Введите значение в нужном формате вместо «{0}».", value]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["Введите значение в нужном формате вместо «{0}».", value]);
            messages.SetValueMustBeANumberAccessor(_ => l["Введите число."]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => l["Введите число."]);
            messages.SetMissingBindRequiredValueAccessor(_ => l["Заполните это поле."]);
            messages.SetMissingKeyOrValueAccessor(() => l["Заполните это поле."]);
            messages.SetValueMustNotBeNullAccessor(_ => l["Заполните это поле."]);
            messages.SetUnknownValueIsInvalidAccessor(_ => l["Выберите значение из списка."]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Выберите значение из списка."]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => l["Заполните форму."]);
        });

        // Validators are called explicitly from actions; FluentValidation.AspNetCore only adds the client-side adapters.
        builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped);
        builder.Services.AddFluentValidationClientsideAdapters();
        ValidatorOptions.Global.LanguageManager.Enabled = true;
        return builder;
    }

    /// <summary>Each feature's own services (<see cref="IFeatureServices"/>), and the infrastructure they share.</summary>
    private static void AddFeatureServices(this IServiceCollection services)
    {
        foreach (var feature in typeof(MvcExtensions).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IFeatureServices).IsAssignableFrom(t))
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            ((IFeatureServices)Activator.CreateInstance(feature)!).AddTo(services);
        }

        services.AddScoped<Files.FileStore>();
        services.AddSingleton<Database.DemoNotice>();
        services.AddMemoryCache();
    }

    /// <summary>Copies FluentValidation's errors into ModelState, so the form re-renders with them.</summary>
    public static void AddTo(this FluentValidation.Results.ValidationResult result, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState)
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(error.PropertyName, error.ErrorMessage);
        }
    }

    /// <summary>The same, for an input bound with a prefix (two forms on one page): keys become "Prefix.Property".</summary>
    public static void AddTo(this FluentValidation.Results.ValidationResult result, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, string prefix)
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError($"{prefix}.{error.PropertyName}", error.ErrorMessage);
        }
    }
}
