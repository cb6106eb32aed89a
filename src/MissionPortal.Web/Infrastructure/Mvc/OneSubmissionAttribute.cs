using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Common;

namespace MissionPortal.Web.Infrastructure.Mvc;

/// <summary>
/// A create form posted twice creates one record. The form carries a one-time key (the _SubmissionKey partial);
/// the key is added to the context before the action runs, so it is stored by the action's own save, in the same
/// transaction as the record, under a unique key. A second post with the same key finds it and is sent where the
/// first one went, with a message, without running the action; a post racing the first one fails on the unique
/// key and is answered the same way. Nothing is written when the page is shown.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OneSubmissionAttribute(string? action = null, string? controller = null) : Attribute, IAsyncActionFilter
{
    public const string Field = "SubmissionKey";

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.HasFormContentType
            || !Guid.TryParse(http.Request.Form[Field], out var key)
            || key == Guid.Empty)
        {
            await next();
            return;
        }

        var db = http.RequestServices.GetRequiredService<PortalDbContext>();
        if (await db.FormSubmissions.AnyAsync(s => s.Key == key, http.RequestAborted))
        {
            context.Result = Duplicate(context);
            return;
        }

        db.FormSubmissions.Add(new FormSubmission(key, http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime));
        var executed = await next();
        if (executed.Exception is DbUpdateException && !executed.ExceptionHandled)
        {
            db.ChangeTracker.Clear();
            if (await db.FormSubmissions.AnyAsync(s => s.Key == key, http.RequestAborted))
            {
                executed.ExceptionHandled = true;
                executed.Result = Duplicate(context);
            }
        }
    }

    /// <summary>Where the first post went (the list, or the page the form belongs to), with the route values it had; without an action, the page the button was on.</summary>
    private IActionResult Duplicate(FilterContext context)
    {
        var services = context.HttpContext.RequestServices;
        var l = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var tempData = services.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context.HttpContext);
        tempData["Message"] = l["Эта форма уже отправлена: запись создана один раз."].Value;
        if (action is null)
        {
            // A button on a page (duplicate an item): back to that page.
            var referer = context.HttpContext.Request.Headers.Referer.ToString();
            return new LocalRedirectResult(Uri.TryCreate(referer, UriKind.Absolute, out var uri) && uri.Host == context.HttpContext.Request.Host.Host
                ? uri.PathAndQuery
                : "/");
        }

        var values = new RouteValueDictionary(context.RouteData.Values);
        values.Remove("action");
        values.Remove("controller");
        values.Remove("id");
        return new RedirectToActionResult(action, controller, values);
    }
}
