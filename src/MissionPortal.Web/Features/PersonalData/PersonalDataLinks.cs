using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Common;

namespace MissionPortal.Web.Features.PersonalData;

/// <summary>
/// Which participant rows are an account's person. The model has no key between the two, so the rule is the one the
/// people directory uses for one person across missions: the same e-mail address (any case), or the same name
/// (compared as «Фамилия Имя Отчество» in lower case, «ё» as «е») in the account's own company — a representative the
/// company put on its delegation under their name, with another address or none.
/// </summary>
public static class PersonalDataLinks
{
    public static async Task<List<int>> ParticipantIdsAsync(PortalDbContext db, string? email, string? displayName, int? organizationId, CancellationToken ct)
    {
        var lower = string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
        var ids = lower is null
            ? []
            : await db.Participants.AsNoTracking().Where(p => p.Email != null && p.Email.ToLower() == lower).Select(p => p.Id).ToListAsync(ct);
        if (organizationId is { } company && !string.IsNullOrWhiteSpace(displayName))
        {
            var key = PersonName.Key(displayName);
            var colleagues = await db.Participants.AsNoTracking().Where(p => p.OrganizationId == company && p.AnonymisedAtUtc == null)
                .Select(p => new { p.Id, p.Surname, p.GivenName, p.Patronymic }).ToListAsync(ct);
            ids.AddRange(colleagues.Where(p => PersonName.Key(p.Surname, p.GivenName, p.Patronymic) == key).Select(p => p.Id));
        }

        return ids.Distinct().ToList();
    }
}
