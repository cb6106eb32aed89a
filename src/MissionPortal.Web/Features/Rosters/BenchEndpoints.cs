using System.Globalization;
using System.Text.Encodings.Web;
using MissionPortal.Core.Security;
using Npgsql;

namespace MissionPortal.Web.Features.Rosters;

public static class BenchEndpoints
{
    /// <summary>
    /// With Bench:BareFile set (by bench/run.sh only), /bench/bare returns that file's bytes as HTML: no
    /// database, no Razor, no sign-in — the limit of this machine and stack, measured beside the real pages.
    /// Two steps between it and the roster page return the same bytes, so the benchmark can say where a page's time
    /// goes: /bench/signed-in asks the roster's sign-in and policy, /bench/roster-queries/{id} also runs the roster's
    /// two queries (the same code as the page, result thrown away); what the page adds beyond them is MVC and Razor.
    /// /bench/memory collects garbage fully and returns the bytes the managed heap still holds (the load test
    /// compares it after the warm-up and after the run). On PostgreSQL, /bench/roster-raw/{id} answers the roster page
    /// through raw Npgsql and a hand-written writer (RawRosterEndpoint).
    /// </summary>
    public static WebApplication MapBenchEndpoints(this WebApplication app)
    {
        var file = app.Configuration["Bench:BareFile"];
        if (string.IsNullOrWhiteSpace(file))
        {
            return app;
        }

        var bytes = new Lazy<byte[]>(() => File.ReadAllBytes(file));
        app.MapGet("/bench/bare", () => Microsoft.AspNetCore.Http.Results.Bytes(bytes.Value, "text/html; charset=utf-8")).AllowAnonymous();
        app.MapGet("/bench/signed-in", () => Microsoft.AspNetCore.Http.Results.Bytes(bytes.Value, "text/html; charset=utf-8"))
            .RequireAuthorization(Policies.ViewRosters);
        app.MapGet("/bench/roster-queries/{delegationId:int}", async (int delegationId, RosterQueries rosters, CancellationToken ct) =>
            {
                var roster = await rosters.LoadAsync(delegationId, new RosterFilter(), canOrder: true, ct);
                return roster is null ? Microsoft.AspNetCore.Http.Results.NotFound() : Microsoft.AspNetCore.Http.Results.Bytes(bytes.Value, "text/html; charset=utf-8");
            })
            .RequireAuthorization(Policies.ViewRosters);
        if (string.Equals(app.Configuration["Database:Provider"], "PostgreSql", StringComparison.OrdinalIgnoreCase))
        {
            // The page's delegation without MVC, EF Core or Razor: see RawRosterEndpoint. Anonymous, as /bench/bare is.
            var source = NpgsqlDataSource.Create(app.Configuration.GetConnectionString("PostgreSql")!);
            var raw = new Lazy<RawRosterEndpoint>(() => new RawRosterEndpoint(source, app.Services.GetRequiredService<HtmlEncoder>(), bytes.Value));
            app.MapGet("/bench/roster-raw/{delegationId:int}", (int delegationId, HttpContext context) => raw.Value.AnswerAsync(context, delegationId)).AllowAnonymous();
        }

        app.MapGet("/bench/memory", () => Microsoft.AspNetCore.Http.Results.Text(GC.GetTotalMemory(forceFullCollection: true).ToString(CultureInfo.InvariantCulture))).AllowAnonymous();
        return app;
    }
}
