namespace MissionPortal.Web.Infrastructure.Errors;

public static class ErrorPagesExtensions
{
    /// <summary>403, 404 and 500 in the portal's own pages; the stack trace only in Development.</summary>
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
}
