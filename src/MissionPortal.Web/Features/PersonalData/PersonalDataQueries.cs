using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Web.Features.Shared;
using MissionPortal.Core.Domain.Identity;

namespace MissionPortal.Web.Features.PersonalData;

public sealed record OwnDataViewModel(string? Email, string DisplayName, string? ConsentVersion, DateTime? ConsentAtUtc, DateTime? ErasureRequestedAtUtc, int Participations, int RetentionDays);

public sealed record ParticipantDataViewModel(
    int Id, string FullName, string Position, string? Organisation, string? Email, string? Phone, int MissionId, string Mission, DateOnly MissionEnd,
    PersonalDataBasis? Basis, string? BasisRecordedBy, DateTime? BasisRecordedAtUtc, DateTime? AnonymisedAtUtc, Guid Version, int RetentionDays, TimeZoneInfo Zone);

public sealed record ErasureRequestViewModel(string UserId, string? Email, string DisplayName, string? Organisation, DateTime RequestedAtUtc, DateTime? AnonymisedAtUtc);

/// <summary>What the personal-data pages read.</summary>
public sealed class PersonalDataQueries(PortalDbContext db, IOptions<PersonalDataOptions> options)
{
    public async Task<OwnDataViewModel?> OwnAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.DisplayName, u.PersonalDataConsentVersion, u.PersonalDataConsentAtUtc, u.ErasureRequestedAtUtc })
            .SingleOrDefaultAsync(ct);
        if (user is null)
        {
            return null;
        }

        var lower = user.Email?.ToLowerInvariant();
        var participations = lower is null ? 0 : await db.Participants.CountAsync(p => p.Email != null && p.Email.ToLower() == lower, ct);
        return new OwnDataViewModel(user.Email, user.DisplayName, user.PersonalDataConsentVersion, user.PersonalDataConsentAtUtc, user.ErasureRequestedAtUtc, participations, options.Value.RetentionDays);
    }

    public async Task<ParticipantDataViewModel?> ParticipantAsync(int id, CancellationToken ct)
    {
        var p = await db.Participants.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new
            {
                p.Id,
                p.Surname,
                p.GivenName,
                p.Patronymic,
                p.Position,
                Organisation = p.Organization!.ShortName ?? p.Organization.Name,
                p.Email,
                p.Phone,
                p.Delegation!.MissionId,
                Mission = p.Delegation.Mission!.Title,
                p.Delegation.Mission.EndDate,
                p.Delegation.Mission.HostRegion!.TimeZoneId,
                p.DataBasis,
                p.DataBasisRecordedBy,
                p.DataBasisRecordedAtUtc,
                p.AnonymisedAtUtc,
                p.Version,
            })
            .SingleOrDefaultAsync(ct);
        return p is null
            ? null
            : new ParticipantDataViewModel(p.Id, PersonName.Full(p.Surname, p.GivenName, p.Patronymic), p.Position, p.Organisation, p.Email, p.Phone, p.MissionId, p.Mission,
                p.EndDate, p.DataBasis, p.DataBasisRecordedBy, p.DataBasisRecordedAtUtc, p.AnonymisedAtUtc, p.Version, options.Value.RetentionDays,
                HostCalendar.Zone(p.TimeZoneId));
    }

    /// <summary>Users' erasure requests, the open ones first.</summary>
    public async Task<List<ErasureRequestViewModel>> RequestsAsync(CancellationToken ct) =>
        (await db.Users.AsNoTracking().Where(u => u.ErasureRequestedAtUtc != null)
            .Select(u => new { u.Id, u.Email, u.DisplayName, Organisation = u.Organization!.Name, u.ErasureRequestedAtUtc, u.AnonymisedAtUtc })
            .ToListAsync(ct))
        .OrderBy(u => u.AnonymisedAtUtc is not null).ThenBy(u => u.ErasureRequestedAtUtc)
        .Select(u => new ErasureRequestViewModel(u.Id, u.Email, u.DisplayName, u.Organisation, u.ErasureRequestedAtUtc!.Value, u.AnonymisedAtUtc))
        .ToList();

    public static string FileName(DateTime nowUtc) => "personal-data-" + nowUtc.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + ".json";
}
