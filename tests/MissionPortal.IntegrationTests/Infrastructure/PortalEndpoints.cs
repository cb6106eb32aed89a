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
public sealed record PortalAction(string Controller, string Action, IReadOnlyList<string> Methods, string Url, bool AllowsAnonymous, bool IgnoresAntiforgery, Regex Route)
{
    public bool Accepts(string method) => Methods.Count == 0 || Methods.Contains(method, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="url"/> (placeholders such as {kaluga} allowed) reaches this action's route.</summary>
    public bool Matches(string url) => Route.IsMatch(url.Split('?')[0].TrimEnd('/') is { Length: > 0 } path ? path : "/");

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
                x.Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.ViewFeatures.IAntiforgeryPolicy>() is Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryTokenAttribute,
                RoutePattern(x.Action!)))
            .OrderBy(a => a.Url, StringComparer.Ordinal)
            .ToList();
    }

    private static string Url(ControllerActionDescriptor action, IReadOnlyDictionary<string, string> ids)
    {
        if (action.AttributeRouteInfo?.Template is { } template)
        {
            return "/" + Parameter().Replace(template, m =>
                m.Value.Contains(":guid", StringComparison.OrdinalIgnoreCase) ? "00000000-0000-0000-0000-000000000001"
                : m.Groups["name"].Value == "code" ? "404"
                : "1").ToLowerInvariant();
        }

        var url = $"/{action.ControllerName}/{action.ActionName}".ToLowerInvariant();
        if (action.Parameters.Any(p => p.Name == "id"))
        {
            url += "/" + (ids.TryGetValue(action.ControllerName, out var id) ? id : "1");
        }

        return url;
    }

    /// <summary>The paths that reach an action: its attribute route, or the default route with its defaults.</summary>
    private static Regex RoutePattern(ControllerActionDescriptor action)
    {
        const string segment = "[^/]+";
        string pattern;
        if (action.AttributeRouteInfo?.Template is { } template)
        {
            var parameters = Parameter().Matches(template).Select(m => m.Value).ToArray();
            pattern = "/" + (parameters.Length == 0
                ? Regex.Escape(template)
                : string.Join(segment, template.Split(parameters, StringSplitOptions.None).Select(Regex.Escape)));
        }
        else
        {
            var controller = Regex.Escape(action.ControllerName.ToLowerInvariant());
            var name = Regex.Escape(action.ActionName.ToLowerInvariant());
            var id = action.Parameters.Any(p => p.Name == "id") ? $"(/{segment})?" : string.Empty;
            pattern = $"/{controller}/{name}{id}";
            if (action.ActionName == "Index")
            {
                pattern = $"(/{controller}|{pattern})";
                if (action.ControllerName == "Home")
                {
                    pattern = $"(/|{pattern})";
                }
            }
        }

        return new Regex("^" + pattern + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"\{(?<name>[a-zA-Z]+)[^}]*\}")]
    private static partial Regex Parameter();
}
