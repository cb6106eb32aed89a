using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MissionPortal.Core.Domain.Auditing;
using MissionPortal.Web.Infrastructure.Identity;

namespace MissionPortal.Web.Infrastructure.Auditing;

/// <summary>
/// The audit's «who»: the user of the current request (an anonymous visitor when signing up). Outside a request
/// (seeding at start-up, the backup and bench tools) nothing is recorded, except inside
/// <see cref="SystemAuditActor.Begin"/>, where the portal itself is the actor.
/// </summary>
public sealed class HttpAuditActor(IHttpContextAccessor http, TimeProvider clock, IOptions<IdentityOptions> identity) : IAuditActor
{
    public AuditActor? Current =>
        SystemAuditActor.Current is { } system
            ? new AuditActor(null, system, clock.GetUtcNow().UtcDateTime)
            : http.HttpContext is { } context
            ? new AuditActor(
                context.User.FindFirst(identity.Value.ClaimsIdentity.UserIdClaimType)?.Value,
                context.User.Identity?.IsAuthenticated == true ? context.User.DisplayName() : null,
                clock.GetUtcNow().UtcDateTime)
            : null;
}
