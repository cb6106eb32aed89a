using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Notifications;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Notifications;

/// <summary>Which kinds of notice come by e-mail: the ticked ones; the rest only appear in the portal's list.</summary>
public static class SaveNotificationSettings
{
    public sealed class Input
    {
        /// <summary>The kinds ticked on the form.</summary>
        public List<string> ByMail { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.ByMail)
                .Must(kinds => kinds.Count <= Notifier.Kinds.Count && kinds.All(k => Notifier.Kinds.Any(n => n.Kind == k)))
                .WithMessage(l["Выберите вид уведомлений из списка."]);
        }
    }

    public sealed class Handler(PortalDbContext db, IValidator<Input> validator)
    {
        /// <summary>Null when saved, else the refusal.</summary>
        public async Task<string?> HandleAsync(string userId, Input input, CancellationToken ct)
        {
            var validation = await validator.ValidateAsync(input, ct);
            if (!validation.IsValid)
            {
                return validation.Errors[0].ErrorMessage;
            }

            var existing = await db.NotificationOptOuts.Where(o => o.UserId == userId).ToListAsync(ct);
            var off = Notifier.Kinds.Select(k => k.Kind).Except(input.ByMail).ToHashSet();
            db.NotificationOptOuts.RemoveRange(existing.Where(o => !off.Contains(o.Kind)));
            db.NotificationOptOuts.AddRange(off.Where(k => existing.All(o => o.Kind != k)).Select(k => new NotificationOptOut(userId, k)));
            await db.SaveChangesAsync(ct);
            return null;
        }
    }
}
