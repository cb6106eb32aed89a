using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace MissionPortal.Web.Infrastructure.Mvc;

/// <summary>
/// Every text a form or query sends is plain text: control characters (NUL, ESC, BEL, the C1 block) are dropped and
/// the Unicode line and paragraph separators become spaces before any input model sees them, so they can't reach
/// the database, calendars (.ics), PDFs or logs. Line breaks and tabs stay: a textarea holds paragraphs.
/// </summary>
public sealed class PlainTextModelBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        await inner.BindModelAsync(bindingContext);
        if (bindingContext.Result.IsModelSet && bindingContext.Result.Model is string text)
        {
            var plain = Clean(text);
            if (!ReferenceEquals(plain, text))
            {
                bindingContext.Result = ModelBindingResult.Success(plain);
            }
        }
    }

    public static string Clean(string text)
    {
        if (!text.Any(IsUnwanted))
        {
            return text;
        }

        return string.Concat(text.Where(c => !char.IsControl(c) || c is '\r' or '\n' or '\t')
            .Select(c => c is '\u2028' or '\u2029' ? ' ' : c));
    }

    private static bool IsUnwanted(char c) => (char.IsControl(c) && c is not ('\r' or '\n' or '\t')) || c is '\u2028' or '\u2029';
}

/// <summary>Puts <see cref="PlainTextModelBinder"/> in front of the binder of every string.</summary>
public sealed class PlainTextModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        // Values from the form, the query string and the route only; headers and bodies keep their own binders.
        var source = context.BindingInfo.BindingSource;
        var fromValues = source is null || source == BindingSource.ModelBinding || source == BindingSource.Form
            || source == BindingSource.Query || source == BindingSource.Path;
        return context.Metadata.ModelType == typeof(string) && fromValues
            ? new PlainTextModelBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
            : null;
    }
}
