using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Notifications;

/// <summary>Opening a notice marks it read and leads to its page; another person's notice is not found.</summary>
public static class OpenNotification
{
    public sealed class Input
    {
        public int Id { get; init; }

        public string UserId { get; init; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            // Ids come from the route; none below 1 exists, so such a notice is simply not found.
            RuleFor(x => x.Id).GreaterThan(0);
            RuleFor(x => x.UserId).NotEmpty();
        }
    }

    public sealed class Handler(PortalDbContext db, IValidator<Input> validator, UnreadNotices unread, TimeProvider clock)
    {
        /// <summary>The page the notice is about, or null when there is no such notice of this person.</summary>
        public async Task<string?> HandleAsync(Input input, CancellationToken ct)
        {
            if (!(await validator.ValidateAsync(input, ct)).IsValid
                || await db.Notifications.SingleOrDefaultAsync(n => n.Id == input.Id && n.UserId == input.UserId, ct) is not { } notice)
            {
                return null;
            }

            if (!notice.IsRead)
            {
                notice.MarkRead(clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(ct);
                unread.Forget(input.UserId);
            }

            return notice.Path;
        }
    }
}
