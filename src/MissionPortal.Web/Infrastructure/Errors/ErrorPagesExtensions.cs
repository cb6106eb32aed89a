using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.Web.Infrastructure.Errors;

public static class ErrorPagesExtensions
{
    /// <summary>Seconds a client is asked to wait before retrying when the database is unreachable.</summary>
    public const int RetryAfterSeconds = 30;

    /// <summary>403, 404, 429, 500 and 503 in the portal's own pages; the stack trace only in Development.</summary>
    public static WebApplication UsePortalErrorPages(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/error/500");
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        return app;
    }

    /// <summary>
    /// After authentication: a request whose session check could not reach the database gets the 503 page
    /// instead of going on as anonymous (which would send a signed-in user to the login page).
    /// </summary>
    public static WebApplication UseDatabaseUnavailablePage(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (DatabaseFailure.IsMarked(context)
                && !context.Request.Path.StartsWithSegments("/error", StringComparison.OrdinalIgnoreCase)
                && !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            await next(context);
        });
        return app;
    }
}
