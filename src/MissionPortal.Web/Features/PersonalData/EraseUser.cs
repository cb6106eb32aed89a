using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;

namespace MissionPortal.Web.Features.PersonalData;

/// <summary>
/// The agency carries out a user's erasure request: the account is emptied and closed, the person's participations
/// (matched by address, or by name within the user's company: <see cref="PersonalDataLinks"/>) anonymised, their company's contact cleared where it was them, and the log and the outbox
/// cleaned. Rows stay, so what the person did is still counted, under «Пользователь удалён».
/// </summary>
public static class EraseUser
{
    public sealed class Input
    {
        public bool Confirmed { get; set; }
    }

    public sealed record Result(bool Found, bool Done, string Message = "");

    public sealed class Handler(PortalDbContext db, Erasure erasure, TimeProvider clock, IStringLocalizer<SharedResource> l)
    {
        public async Task<Result> HandleAsync(string userId, Input input, CancellationToken ct)
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.ErasureRequestedAtUtc != null, ct);
            if (user is null)
            {
                return new Result(false, false);
            }

            if (user.AnonymisedAtUtc is not null)
            {
                return new Result(true, false, l["Данные этого пользователя уже удалены."]);
            }

            if (!input.Confirmed)
            {
                return new Result(true, false, l["Подтвердите, что данные нужно удалить: это нельзя отменить."]);
            }

            var (email, phone, name) = (user.Email, user.PhoneNumber, user.DisplayName);
            var now = clock.GetUtcNow().UtcDateTime;
            var lower = email?.ToLowerInvariant() ?? "\u0000";
            var own = await PersonalDataLinks.ParticipantIdsAsync(db, user.Email, user.DisplayName, user.OrganizationId, ct);
            var participations = await db.Participants.Include(p => p.Delegation)
                .Where(p => own.Contains(p.Id) && p.AnonymisedAtUtc == null).ToListAsync(ct);
            await erasure.AnonymiseAsync(participations, now, ct);
            var contacts = await db.Organizations.Where(o => o.ContactEmail != null && o.ContactEmail.ToLower() == lower).ToListAsync(ct);
            foreach (var organization in contacts)
            {
                organization.ForgetContacts();
            }

            await erasure.ForgetUserAsync(user.Id, email, phone, name, ct);
            user.Anonymise(now);
            await db.SaveChangesAsync(ct);

            // The organisations' own change rows were written by that save, with the contact they held.
            if (contacts.Count > 0)
            {
                await erasure.RedactTracesAsync(new[] { email, phone, name }.OfType<string>().ToList(), ct);
            }

            if (await erasure.FinishAsync(ct) || contacts.Count > 0)
            {
                await db.SaveChangesAsync(ct);
            }

            return new Result(true, true, l["Данные пользователя {0} удалены, учётная запись закрыта.", name]);
        }
    }
}
