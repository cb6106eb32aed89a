using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Web.Infrastructure.Mvc;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Participants;

/// <summary>What the agency decides for an organisation of the file that the registry doesn't know.</summary>
public enum OrganisationChoice
{
    Undecided = 0,
    Create = 1,
    Existing = 2,
    Without = 3,
}

public sealed class OrganisationDecision
{
    /// <summary>The name as the file writes it.</summary>
    public string? Name { get; set; }

    public OrganisationChoice Choice { get; set; }

    public OrganizationKind Kind { get; set; } = OrganizationKind.Company;

    public int? RegionId { get; set; }

    public int? ExistingId { get; set; }
}

/// <summary>An organisation named in the file: found in the registry (by name, whatever the quotes, case or ООО/АО) or to decide.</summary>
public sealed record ImportOrganisationViewModel(string Name, int? FoundId, string? FoundName, int People, OrganisationDecision Decision, IReadOnlyList<OptionViewModel> Candidates);

public sealed class ImportPreviewViewModel
{
    public int MissionId { get; init; }

    public required string MissionTitle { get; init; }

    public IReadOnlyList<ImportRow> Rows { get; init; } = [];

    public IReadOnlyList<ImportOrganisationViewModel> Organisations { get; init; } = [];

    public IReadOnlyList<OptionViewModel> Regions { get; init; } = [];

    public string? Error { get; init; }

    /// <summary>The basis chosen for the list's people; the sending side's consent unless the agency says otherwise.</summary>
    public PersonalDataBasis? DataBasis { get; init; } = PersonalDataBasis.ConsentCollectedBySender;

    public bool CanSave => Rows.Any(r => !r.Excluded) && Rows.All(r => r.Excluded || r.Errors.Count == 0);
}

/// <summary>
/// The delegation import after the file is read: every row checked, organisations matched by name or decided one by
/// one, rows corrected or left out in the preview; saving happens only on confirmation, in one transaction (new
/// organisations and people together), or not at all.
/// </summary>
public static class ImportDelegation
{
    public sealed class Input
    {
        public List<ImportRow> Rows { get; set; } = [];

        public List<OrganisationDecision> Decisions { get; set; } = [];

        /// <summary>Why the portal may hold these people's data: one basis for the list (usually the sending side's consent).</summary>
        public PersonalDataBasis? DataBasis { get; set; }

        /// <summary>Check the corrected rows again and show them, without saving.</summary>
        public bool Recheck { get; set; }
    }

    public sealed class Handler(PortalDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
    {
        /// <summary>The preview of these rows; null when the mission doesn't exist.</summary>
        public async Task<ImportPreviewViewModel?> PreviewAsync(int missionId, List<ImportRow> rows, IReadOnlyList<OrganisationDecision> decisions, string? error, CancellationToken ct, PersonalDataBasis? basis = PersonalDataBasis.ConsentCollectedBySender)
        {
            var mission = await db.Missions.AsNoTracking().Where(m => m.Id == missionId).Select(m => new { m.Title, m.OriginRegionId }).SingleOrDefaultAsync(ct);
            if (mission is null)
            {
                return null;
            }

            var state = await CheckAsync(missionId, rows, decisions, ct);
            var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => new OptionViewModel(r.Id, r.Name)).ToListAsync(ct);
            var organisations = new List<ImportOrganisationViewModel>();
            foreach (var group in rows.Where(r => !r.Excluded && !string.IsNullOrWhiteSpace(r.Organization)).GroupBy(r => OrganizationNames.Key(r.Organization)))
            {
                var name = group.First().Organization!.Trim();
                if (state.Registry.TryGetValue(group.Key, out var found))
                {
                    organisations.Add(new ImportOrganisationViewModel(name, found.Id, found.Name, group.Count(), new OrganisationDecision { Name = name }, []));
                    continue;
                }

                var decision = state.Decisions.GetValueOrDefault(group.Key) ?? new OrganisationDecision { Name = name, RegionId = mission.OriginRegionId };
                decision.RegionId ??= mission.OriginRegionId;
                organisations.Add(new ImportOrganisationViewModel(name, null, null, group.Count(), decision, await CandidatesAsync(group.Key, mission.OriginRegionId, ct)));
            }

            return new ImportPreviewViewModel
            {
                MissionId = missionId,
                MissionTitle = mission.Title,
                Rows = rows,
                Organisations = organisations,
                Regions = regions,
                Error = error,
                DataBasis = basis,
            };
        }

        /// <summary>Saves when every included row is right and every unknown organisation decided; else the preview again.</summary>
        public async Task<(int Saved, ImportPreviewViewModel? Preview)> SaveAsync(int missionId, Input input, string by, CancellationToken ct)
        {
            var mission = await db.Missions.Include(m => m.Delegations).ThenInclude(d => d.Participants).SingleOrDefaultAsync(m => m.Id == missionId, ct);
            if (mission is null)
            {
                return (0, null);
            }

            var included = input.Rows.Where(r => !r.Excluded).ToList();
            var state = await CheckAsync(missionId, input.Rows, input.Decisions, ct);
            var noBasis = input.DataBasis is not { } basis || !Enum.IsDefined(basis);
            if (input.Recheck || included.Count == 0 || input.Rows.Count > DelegationImport.MaxRows || included.Any(r => r.Errors.Count > 0) || noBasis)
            {
                string? message = input.Recheck ? null
                    : included.Count == 0 ? l["Все строки исключены: сохранять нечего."].Value
                    : noBasis && included.All(r => r.Errors.Count == 0) ? l["Укажите, на каком основании портал хранит данные этих людей: ничего не сохранено."].Value
                    : l["В списке есть ошибки: ничего не сохранено."].Value;
                return (0, await PreviewAsync(missionId, input.Rows, input.Decisions, message, ct, input.DataBasis));
            }

            var now = clock.GetUtcNow().UtcDateTime;

            // New organisations first, in the same save as the people: one transaction, all or nothing.
            var created = new Dictionary<string, Organization>(StringComparer.Ordinal);
            foreach (var (key, decision) in state.Decisions.Where(d => d.Value.Choice == OrganisationChoice.Create))
            {
                var organization = new Organization(decision.Name!.Trim(), decision.Kind, decision.RegionId!.Value);
                db.Organizations.Add(organization);
                created[key] = organization;
            }

            var delegation = mission.Delegations.FirstOrDefault(d => d.Side == DelegationSide.Visiting) ?? mission.AddDelegation("Делегация", DelegationSide.Visiting);
            foreach (var row in included)
            {
                var key = OrganizationNames.Key(row.Organization);
                Organization? newOne = created.GetValueOrDefault(key);
                int? organizationId = state.Registry.TryGetValue(key, out var found) ? found.Id
                    : state.Decisions.GetValueOrDefault(key) is { Choice: OrganisationChoice.Existing, ExistingId: { } existing } ? existing
                    : null;
                var person = newOne is null
                    ? delegation.AddParticipant(row.Surname!.Trim(), row.GivenName!.Trim(), FormText.Blank(row.Patronymic), row.Position!.Trim(), organizationId, DelegationRole.Member, approved: true)
                    : delegation.AddParticipant(row.Surname!.Trim(), row.GivenName!.Trim(), FormText.Blank(row.Patronymic), row.Position!.Trim(), newOne);
                person.WithContacts(FormText.Blank(row.Email)?.ToLowerInvariant(), LegalIdentifiers.NormalizePhone(row.Phone))
                    .WithDataBasis(input.DataBasis!.Value, by, now);
                if (row.Role != DelegationRole.Member)
                {
                    delegation.AssignRole(person, row.Role);
                }
            }

            await db.SaveChangesAsync(ct);
            return (included.Count, null);
        }

        private sealed record RegistryMatch(int Id, string Name);

        private sealed record CheckState(IReadOnlyDictionary<string, RegistryMatch> Registry, IReadOnlyDictionary<string, OrganisationDecision> Decisions);

        /// <summary>Marks every row's errors; the registry's matches and the decisions that hold, by name key.</summary>
        private async Task<CheckState> CheckAsync(int missionId, List<ImportRow> rows, IReadOnlyList<OrganisationDecision> decisions, CancellationToken ct)
        {
            var keys = rows.Where(r => !string.IsNullOrWhiteSpace(r.Organization)).Select(r => OrganizationNames.Key(r.Organization)).Distinct().ToList();
            var registry = (await db.Organizations.AsNoTracking()
                    .Where(o => o.Status != OrganizationStatus.Merged && o.Status != OrganizationStatus.Rejected && keys.Contains(o.NameKey))
                    .OrderBy(o => o.Id).Select(o => new { o.Id, o.Name, o.NameKey }).ToListAsync(ct))
                .DistinctBy(o => o.NameKey)
                .ToDictionary(o => o.NameKey, o => new RegistryMatch(o.Id, o.Name), StringComparer.Ordinal);

            // Short names («ООО «СтройРеанимация»» for a long legal name) are matched too.
            var shortNames = await db.Organizations.AsNoTracking()
                .Where(o => o.Status != OrganizationStatus.Merged && o.Status != OrganizationStatus.Rejected && o.ShortName != null)
                .Select(o => new { o.Id, o.Name, o.ShortName }).ToListAsync(ct);
            foreach (var o in shortNames)
            {
                registry.TryAdd(OrganizationNames.Key(o.ShortName), new RegistryMatch(o.Id, o.Name));
            }

            var existingIds = decisions.Where(d => d.Choice == OrganisationChoice.Existing && d.ExistingId is not null).Select(d => d.ExistingId!.Value).ToList();
            var existing = await db.Organizations.AsNoTracking().Where(o => existingIds.Contains(o.Id) && o.Status != OrganizationStatus.Merged).Select(o => o.Id).ToListAsync(ct);
            var regionIds = decisions.Where(d => d.RegionId is not null).Select(d => d.RegionId!.Value).Distinct().ToList();
            var regions = await db.Regions.AsNoTracking().Where(r => regionIds.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct);

            var valid = new Dictionary<string, OrganisationDecision>(StringComparer.Ordinal);
            foreach (var decision in decisions.Where(d => !string.IsNullOrWhiteSpace(d.Name)))
            {
                var holds = decision.Choice switch
                {
                    OrganisationChoice.Create => Enum.IsDefined(decision.Kind) && decision.RegionId is { } region && regions.Contains(region) && decision.Name!.Trim().Length <= 400,
                    OrganisationChoice.Existing => decision.ExistingId is { } id && existing.Contains(id),
                    OrganisationChoice.Without => true,
                    _ => false,
                };
                if (holds || decision.Choice == OrganisationChoice.Undecided)
                {
                    valid.TryAdd(OrganizationNames.Key(decision.Name), decision);
                }
            }

            var resolved = registry.Keys.Concat(valid.Where(v => v.Value.Choice != OrganisationChoice.Undecided).Select(v => v.Key)).ToHashSet(StringComparer.Ordinal);
            var people = (await db.Participants.AsNoTracking().Where(p => p.Delegation!.MissionId == missionId)
                    .Select(p => new { p.Surname, p.GivenName, p.Patronymic }).ToListAsync(ct))
                .Select(p => DelegationImport.PersonKey(p.Surname, p.GivenName, p.Patronymic))
                .ToHashSet();
            var hasHead = await db.Participants.AnyAsync(p => p.Delegation!.MissionId == missionId && p.Delegation.Side == DelegationSide.Visiting && p.Role == DelegationRole.Head, ct);
            DelegationImport.Check(rows, resolved, people, l);
            var heads = rows.Where(r => !r.Excluded && r.Role == DelegationRole.Head).ToList();
            foreach (var head in heads.Skip(hasHead ? 0 : 1))
            {
                head.Errors.Add(hasHead ? l["у делегации уже есть глава: отметьте нового на странице участников"] : l["второй глава делегации в файле"]);
            }

            return new CheckState(registry, valid);
        }

        /// <summary>Registry entries the agency may mean: a word of the name in common, or the delegation's own region.</summary>
        private async Task<IReadOnlyList<OptionViewModel>> CandidatesAsync(string key, int originRegionId, CancellationToken ct)
        {
            var word = key.Split(' ').OrderByDescending(w => w.Length).FirstOrDefault() ?? string.Empty;
            return await db.Organizations.AsNoTracking()
                .Where(o => o.Status != OrganizationStatus.Merged && o.Status != OrganizationStatus.Rejected
                    && ((word.Length >= 3 && o.NameKey.Contains(word)) || o.RegionId == originRegionId))
                .OrderBy(o => o.NameKey).Take(100)
                .Select(o => new OptionViewModel(o.Id, o.Name)).ToListAsync(ct);
        }
    }
}
