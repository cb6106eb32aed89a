using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Auditing;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Web.Features.Shared;
using MissionPortal.Web.Infrastructure.Localization;

namespace MissionPortal.Web.Features.Participants;

/// <summary>A person's record in one mission, as the directory and the person's page list it.</summary>
public sealed record PersonRecordViewModel(
    int Id, string Surname, string GivenName, string? Patronymic, string Position, int? OrganizationId, string? Organization,
    string? Email, string? Phone, int MissionId, string Mission, DateOnly MissionStart, string Delegation, DelegationRole Role, ParticipantStatus Status)
{
    public string FullName => PersonName.Full(Surname, GivenName, Patronymic);

    public string ShortName => PersonName.Short(Surname, GivenName, Patronymic);
}

/// <summary>One person of the directory: every mission they took part in, the latest record first.</summary>
public sealed record DirectoryPersonViewModel(IReadOnlyList<PersonRecordViewModel> Records)
{
    public PersonRecordViewModel Latest => Records[0];
}

public sealed class DirectoryViewModel
{
    public string? Q { get; init; }

    public int Page { get; init; } = 1;

    public int Pages { get; init; } = 1;

    public int Total { get; init; }

    public IReadOnlyList<DirectoryPersonViewModel> People { get; init; } = [];
}

public sealed record HistoryChangeViewModel(string Field, string? Old, string? New);

public sealed record HistoryEntryViewModel(string At, string User, AuditAction Action, IReadOnlyList<HistoryChangeViewModel> Changes);

public sealed class PersonPageViewModel
{
    public required PersonRecordViewModel Person { get; init; }

    public Guid Version { get; init; }

    /// <summary>The same person in other missions: found by name with the same e-mail or organisation.</summary>
    public IReadOnlyList<PersonRecordViewModel> Elsewhere { get; init; } = [];

    public IReadOnlyList<HistoryEntryViewModel> History { get; init; } = [];
}

public sealed class EditPersonViewModel
{
    public required PersonRecordViewModel Person { get; init; }

    public required EditPerson.Input Input { get; init; }

    public IReadOnlyList<OptionViewModel> Organizations { get; init; } = [];
}

/// <summary>
/// The people directory across missions, a person's page with their history, and the participant list's search, filter
/// and sort. People are records of <see cref="Participant"/> (one per mission); the same person in several missions is
/// recognised by a normalised «Фамилия Имя Отчество» with the same e-mail or the same organisation.
/// </summary>
public sealed class PeopleQueries(PortalDbContext db, IStringLocalizer<SharedResource> l)
{
    public const int PageSize = 50;

    /// <summary>Participant fields as the person's history names them.</summary>
    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.Ordinal)
    {
        [nameof(Participant.Surname)] = "Фамилия",
        [nameof(Participant.GivenName)] = "Имя",
        [nameof(Participant.Patronymic)] = "Отчество",
        [nameof(Participant.Position)] = "Должность",
        [nameof(Participant.OrganizationId)] = "Организация",
        [nameof(Participant.Email)] = "Электронная почта",
        [nameof(Participant.Phone)] = "Телефон",
        [nameof(Participant.Role)] = "Роль в делегации",
        [nameof(Participant.Status)] = "Статус",
        [nameof(Participant.ProtocolOrder)] = "Порядок по протоколу",
        [nameof(Participant.DelegationId)] = "Делегация",
    };

    /// <summary>A name as compared: lower case, «ё» as «е», single spaces.</summary>
    public static string NameKey(string surname, string givenName, string? patronymic) => PersonName.Key(surname, givenName, patronymic);

    /// <summary>Two records of one name are one person when they share an e-mail or an organisation.</summary>
    public static bool SamePerson(PersonRecordViewModel a, PersonRecordViewModel b) =>
        NameKey(a.Surname, a.GivenName, a.Patronymic) == NameKey(b.Surname, b.GivenName, b.Patronymic)
        && ((!string.IsNullOrWhiteSpace(a.Email) && string.Equals(a.Email.Trim(), b.Email?.Trim(), StringComparison.OrdinalIgnoreCase))
            || (a.OrganizationId is { } org && org == b.OrganizationId));

    /// <summary>Every person of every mission (declined and withdrawn applications left out), grouped into people.</summary>
    public async Task<DirectoryViewModel> DirectoryAsync(string? q, int page, CancellationToken ct)
    {
        var people = Group(await RecordsAsync(db.Participants.Where(p => p.Status == ParticipantStatus.Approved || p.Status == ParticipantStatus.Pending), ct));
        var text = Fold(q);
        if (text.Length > 0)
        {
            people = people.Where(p => p.Records.Any(r => Matches(r, text))).ToList();
        }

        var pages = Math.Max(1, (people.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        return new DirectoryViewModel
        {
            Q = q,
            Page = page,
            Pages = pages,
            Total = people.Count,
            People = people.Skip((page - 1) * PageSize).Take(PageSize).ToList(),
        };
    }

    /// <summary>People of earlier or other missions whose name or e-mail holds the text, to prefill the add-person form.</summary>
    public async Task<IReadOnlyList<DirectoryPersonViewModel>> ProposalsAsync(int missionId, string? q, CancellationToken ct)
    {
        var text = Fold(q);
        if (text.Length < 2)
        {
            return [];
        }

        var all = Group(await RecordsAsync(db.Participants.Where(p => p.Status == ParticipantStatus.Approved || p.Status == ParticipantStatus.Pending), ct));
        return all.Where(p => p.Records.All(r => r.MissionId != missionId) && p.Records.Any(r => Matches(r, text))).Take(10).ToList();
    }

    /// <summary>One record, to prefill the add-person form; null when there is none.</summary>
    public async Task<PersonRecordViewModel?> RecordAsync(int participantId, CancellationToken ct) =>
        (await RecordsAsync(db.Participants.Where(p => p.Id == participantId), ct)).SingleOrDefault();

    public async Task<PersonPageViewModel?> PersonAsync(int participantId, CancellationToken ct)
    {
        var person = await RecordAsync(participantId, ct);
        if (person is null)
        {
            return null;
        }

        var key = NameKey(person.Surname, person.GivenName, person.Patronymic);
        var email = person.Email;
        var namesakes = await RecordsAsync(db.Participants.Where(p => p.Id != participantId && (p.Surname == person.Surname || (email != null && p.Email == email))), ct);
        var zone = HostCalendar.Zone(await db.Missions.Where(m => m.Id == person.MissionId).Select(m => m.HostRegion!.TimeZoneId).SingleAsync(ct));
        var id = participantId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Participant) && a.EntityId == id).OrderByDescending(a => a.Id).Take(100).ToListAsync(ct);
        var changes = entries.Select(e => (Entry: e, Changes: e.ReadChanges())).ToList();
        var organisationIds = changes.SelectMany(c => c.Changes).Where(c => c.Field == nameof(Participant.OrganizationId))
            .SelectMany(c => new[] { c.Old, c.New }).Select(v => int.TryParse(v, out var n) ? n : (int?)null).OfType<int>().Distinct().ToList();
        var organisations = await db.Organizations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), o => o.ShortName ?? o.Name, ct);
        var version = await db.Participants.Where(p => p.Id == participantId).Select(p => p.Version).SingleAsync(ct);

        return new PersonPageViewModel
        {
            Person = person,
            Version = version,
            Elsewhere = namesakes.Where(r => NameKey(r.Surname, r.GivenName, r.Patronymic) == key && SamePerson(person, r))
                .OrderByDescending(r => r.MissionStart).ToList(),
            History = changes.Select(c => new HistoryEntryViewModel(
                Formats.Moment(c.Entry.AtUtc, zone),
                c.Entry.UserName ?? l["Посетитель без входа"],
                c.Entry.Action,
                c.Changes.Where(x => FieldNames.ContainsKey(x.Field))
                    .Select(x => new HistoryChangeViewModel(l[FieldNames[x.Field]], Shown(x.Field, x.Old, organisations), Shown(x.Field, x.New, organisations))).ToList())).ToList(),
        };
    }

    public async Task<EditPersonViewModel?> EditPageAsync(int participantId, EditPerson.Input? input, CancellationToken ct)
    {
        var person = await RecordAsync(participantId, ct);
        if (person is null)
        {
            return null;
        }

        input ??= new EditPerson.Input
        {
            Surname = person.Surname,
            GivenName = person.GivenName,
            Patronymic = person.Patronymic,
            Position = person.Position,
            OrganizationId = person.OrganizationId,
            Email = person.Email,
            Phone = LegalIdentifiers.FormatPhone(person.Phone),
            Version = await db.Participants.Where(p => p.Id == participantId).Select(p => p.Version).SingleAsync(ct),
        };
        return new EditPersonViewModel
        {
            Person = person,
            Input = input,
            Organizations = await db.Organizations.AsNoTracking().Where(o => o.Status != OrganizationStatus.Merged || o.Id == person.OrganizationId)
                .OrderBy(o => o.Name).Select(o => new OptionViewModel(o.Id, o.Name)).ToListAsync(ct),
        };
    }

    /// <summary>The text as searched: lower case, «ё» as «е», trimmed.</summary>
    public static string Fold(string? text) => (text ?? string.Empty).Trim().ToLowerInvariant().Replace('ё', 'е');

    private static bool Matches(PersonRecordViewModel r, string folded) =>
        Fold(r.FullName).Contains(folded, StringComparison.Ordinal)
        || Fold(r.Email).Contains(folded, StringComparison.Ordinal)
        || Fold(r.Organization).Contains(folded, StringComparison.Ordinal)
        || Fold(r.Position).Contains(folded, StringComparison.Ordinal);

    /// <summary>Records into people: by name, then joined while they share an e-mail or an organisation; people by name.</summary>
    private static List<DirectoryPersonViewModel> Group(List<PersonRecordViewModel> records)
    {
        var people = new List<DirectoryPersonViewModel>();
        foreach (var byName in records.GroupBy(r => NameKey(r.Surname, r.GivenName, r.Patronymic)))
        {
            var groups = new List<List<PersonRecordViewModel>>();
            foreach (var record in byName.OrderByDescending(r => r.MissionStart).ThenByDescending(r => r.Id))
            {
                var joined = groups.Where(g => g.Any(other => SamePerson(record, other))).ToList();
                var group = joined.FirstOrDefault() ?? [];
                if (joined.Count == 0)
                {
                    groups.Add(group);
                }

                foreach (var other in joined.Skip(1))
                {
                    group.AddRange(other);
                    groups.Remove(other);
                }

                group.Add(record);
            }

            people.AddRange(groups.Select(g => new DirectoryPersonViewModel(g.OrderByDescending(r => r.MissionStart).ThenByDescending(r => r.Id).ToList())));
        }

        return people.OrderBy(p => p.Latest.Surname, RussianCollation.Instance).ThenBy(p => p.Latest.GivenName, RussianCollation.Instance).ThenBy(p => p.Latest.Patronymic, RussianCollation.Instance).ToList();
    }

    private static Task<List<PersonRecordViewModel>> RecordsAsync(IQueryable<Participant> participants, CancellationToken ct) =>
        participants.AsNoTracking()
            .Select(p => new PersonRecordViewModel(p.Id, p.Surname, p.GivenName, p.Patronymic, p.Position, p.OrganizationId,
                p.Organization == null ? null : p.Organization.ShortName ?? p.Organization.Name, p.Email, p.Phone,
                p.Delegation!.MissionId, p.Delegation.Mission!.Title, p.Delegation.Mission.StartDate, p.Delegation.Name, p.Role, p.Status))
            .ToListAsync(ct);

    private string? Shown(string field, string? value, Dictionary<string, string> organisations) => field switch
    {
        _ when value is null => null,
        nameof(Participant.OrganizationId) => organisations.GetValueOrDefault(value, value),
        nameof(Participant.Phone) => LegalIdentifiers.FormatPhone(value),
        nameof(Participant.Role) when Enum.TryParse<DelegationRole>(value, out var role) && Enum.IsDefined(role) => l[EnumText.Of(role)],
        nameof(Participant.Status) when Enum.TryParse<ParticipantStatus>(value, out var status) && Enum.IsDefined(status) => l[EnumText.Of(status)],
        _ => value,
    };
}
