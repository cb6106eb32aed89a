using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MissionPortal.Web.Infrastructure.Diagnostics;

/// <summary>
/// Counts the SQL commands each request sends, so the number of commands per page can be checked
/// (in tests and in the benchmark) to stay the same whatever the amount of data.
/// </summary>
public sealed class SqlCommandCounter(IHttpContextAccessor accessor) : DbCommandInterceptor
{
    public const string Header = "X-Sql-Commands";
    private const string Key = "mp:sql-commands";

    public static int Of(HttpContext context) => context.Items.TryGetValue(Key, out var value) && value is int count ? count : 0;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    private void Count()
    {
        if (accessor.HttpContext is { } context)
        {
            context.Items[Key] = Of(context) + 1;
        }
    }
}

public static class SqlCommandCounterExtensions
{
    /// <summary>With Diagnostics:SqlCommandHeader on, each response says how many SQL commands it took.</summary>
    public static WebApplication UseSqlCommandHeader(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("Diagnostics:SqlCommandHeader"))
        {
            app.Use(async (context, next) =>
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers[SqlCommandCounter.Header] = SqlCommandCounter.Of(context).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return Task.CompletedTask;
                });
                await next(context);
            });
        }

        return app;
    }
}
