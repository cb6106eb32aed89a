using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Domain.Missions;

namespace MissionPortal.Web.Features.PersonalData;

/// <summary>
/// Everything the portal holds about one person, as a JSON file they can read and keep (152-ФЗ, art. 14): for a user
/// their account, consent, requests, participations (matched by address), the company data they keep and what they
/// changed; for a participant without an account the same for every participation under their address or of that row.
/// </summary>
public sealed class PersonalDataExport(PortalDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    };

    public sealed record Account(string? Email, string DisplayName, string? Phone, string? Language, IReadOnlyList<string> Roles, bool IsCompanyMain, string? Organisation);

    public sealed record Consent(string Version, DateTime? AtUtc);

    public sealed record Participation(
        int Id, string Mission, DateOnly StartDate, DateOnly EndDate, string Delegation, string Surname, string GivenName, string? Patronymic,
        string Position, string? Organisation, string? Email, string? Phone, DelegationRole Role, ParticipantStatus Status,
        PersonalDataBasis? DataBasis, DateTime? DataBasisRecordedAtUtc, IReadOnlyList<string> ProgrammeItems, IReadOnlyList<DateTime> CheckIns);

    public sealed record Product(string Name, string Category, string Description);

    public sealed record Organisation(
        string Name, string? ShortName, string? Inn, string? Ogrn, string? Industry, string? Website, string? Description, string? City,
        string? ContactPerson, string? ContactEmail, string? ContactPhone, IReadOnlyList<Product> Products);

    public sealed record Change(DateTime AtUtc, string Record, string RecordId, string Action);

    public sealed record Copy(
        DateTime ExportedAtUtc, string Policy, Account? Account, Consent? Consent, DateTime? ErasureRequestedAtUtc,
        IReadOnlyList<Participation> Participations, Organisation? Organisation, IReadOnlyList<Change> ChangesMade);

    /// <summary>The signed-in user's copy; null for no such user.</summary>
    public async Task<byte[]?> ForUserAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new
        {
            u.Email,
            u.DisplayName,
            u.PhoneNumber,
            u.Language,
            u.IsCompanyMain,
            u.OrganizationId,
            Organisation = u.Organization!.Name,
            u.PersonalDataConsentVersion,
            u.PersonalDataConsentAtUtc,
            u.ErasureRequestedAtUtc,
        }).SingleOrDefaultAsync(ct);
        if (user is null)
        {
            return null;
        }

        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           where userRole.UserId == userId
                           select role.Name).ToListAsync(ct);
        var organisation = user.OrganizationId is { } organizationId ? await OrganisationAsync(organizationId, ct) : null;
        var changes = await db.AuditEntries.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.AtUtc).ThenBy(a => a.Id)
            .Select(a => new { a.AtUtc, a.EntityType, a.EntityId, a.Action }).ToListAsync(ct);
        var copy = new Copy(
            clock.GetUtcNow().UtcDateTime,
            PersonalDataPolicy.Version,
            new Account(user.Email, user.DisplayName, user.PhoneNumber, user.Language, roles.OfType<string>().Order(StringComparer.Ordinal).ToList(), user.IsCompanyMain, user.Organisation),
            user.PersonalDataConsentVersion is { } version ? new Consent(version, user.PersonalDataConsentAtUtc) : null,
            user.ErasureRequestedAtUtc,
            await ParticipationsAsync(await PersonalDataLinks.ParticipantIdsAsync(db, user.Email, user.DisplayName, user.OrganizationId, ct), ct),
            organisation,
            changes.Select(c => new Change(c.AtUtc, c.EntityType, c.EntityId, c.Action.ToString())).ToList());
        return JsonSerializer.SerializeToUtf8Bytes(copy, Json);
    }

    /// <summary>A participant's copy, made by the agency for a person without an account; null for no such participant.</summary>
    public async Task<byte[]?> ForParticipantAsync(int id, CancellationToken ct)
    {
        var email = await db.Participants.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Email }).SingleOrDefaultAsync(ct);
        if (email is null)
        {
            return null;
        }

        var copy = new Copy(clock.GetUtcNow().UtcDateTime, PersonalDataPolicy.Version, null, null, null, await ParticipationsAsync([id, .. await PersonalDataLinks.ParticipantIdsAsync(db, email.Email, null, null, ct)], ct), null, []);
        return JsonSerializer.SerializeToUtf8Bytes(copy, Json);
    }

    /// <summary>The participant rows given.</summary>
    private async Task<List<Participation>> ParticipationsAsync(IReadOnlyList<int> ids, CancellationToken ct)
    {
        var rows = await db.Participants.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .OrderBy(p => p.Delegation!.Mission!.StartDate).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id,
                Mission = p.Delegation!.Mission!.Title,
                p.Delegation.Mission.StartDate,
                p.Delegation.Mission.EndDate,
                Delegation = p.Delegation.Name,
                p.Surname,
                p.GivenName,
                p.Patronymic,
                p.Position,
                Organisation = p.Organization!.Name,
                p.Email,
                p.Phone,
                p.Role,
                p.Status,
                p.DataBasis,
                p.DataBasisRecordedAtUtc,
                Items = db.ItemRegistrations.Where(r => r.ParticipantId == p.Id).Join(db.ProgrammeItems, r => r.ProgrammeItemId, i => i.Id, (_, i) => i.Title).ToList(),
                CheckIns = db.Attendances.Where(a => a.ParticipantId == p.Id).Select(a => a.CheckedInAtUtc).ToList(),
            })
            .ToListAsync(ct);
        return rows.Select(p => new Participation(p.Id, p.Mission, p.StartDate, p.EndDate, p.Delegation, p.Surname, p.GivenName, p.Patronymic, p.Position,
            p.Organisation, p.Email, p.Phone, p.Role, p.Status, p.DataBasis, p.DataBasisRecordedAtUtc, p.Items, p.CheckIns)).ToList();
    }

    private async Task<Organisation?> OrganisationAsync(int id, CancellationToken ct)
    {
        var o = await db.Organizations.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new { o.Name, o.ShortName, o.Inn, o.Ogrn, o.Industry, o.Website, o.Description, o.City, o.ContactPerson, o.ContactEmail, o.ContactPhone })
            .SingleOrDefaultAsync(ct);
        if (o is null)
        {
            return null;
        }

        var products = await db.Products.AsNoTracking().Where(p => p.OrganizationId == id && p.DeletedAtUtc == null).OrderBy(p => p.Name)
            .Select(p => new Product(p.Name, p.Category, p.Description)).ToListAsync(ct);
        return new Organisation(o.Name, o.ShortName, o.Inn, o.Ogrn, o.Industry, o.Website, o.Description, o.City, o.ContactPerson, o.ContactEmail, o.ContactPhone, products);
    }
}
