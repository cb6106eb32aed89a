using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Organisations;

/// <summary>
/// Merges a duplicate into the record that stays: every reference (people, products, venues, organisers, agreement
/// parties and signatories, site visits, results, B2B participation, users, files, join requests) moves to the
/// survivor, which takes the data it lacked; the duplicate stays as «merged into». One transaction, and every moved
/// reference is in the change log.
/// </summary>
public static class MergeOrganisations
{
    public sealed class Input
    {
        public int DuplicateId { get; set; }

        public int? SurvivorId { get; set; }

        public Guid? DuplicateVersion { get; set; }

        /// <summary>Each candidate's version as the page showed it (by id): the one chosen is checked.</summary>
        public Dictionary<int, Guid> CandidateVersions { get; set; } = [];

        public Guid? SurvivorVersion => SurvivorId is { } id && CandidateVersions.TryGetValue(id, out var version) ? version : null;
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(PortalDbContext db, IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.SurvivorId).NotNull().WithMessage(l["Выберите организацию, которая останется."]);
            RuleFor(x => x.SurvivorId)
                .Must((input, id) => id != input.DuplicateId).WithMessage(l["Организацию нельзя объединить с самой собой."])
                .When(x => x.SurvivorId is not null);
            RuleFor(x => x.SurvivorId)
                .MustAsync(async (id, ct) => await db.Organizations.AnyAsync(o => o.Id == id && o.Status != OrganizationStatus.Merged, ct))
                .WithMessage(l["Выберите организацию из реестра."])
                .When(x => x.SurvivorId is not null && x.SurvivorId != x.DuplicateId);
            RuleFor(x => x.SurvivorId)
                .MustAsync(async (input, id, ct) => !await db.B2bParticipations.AnyAsync(p => p.OrganizationId == input.DuplicateId
                    && db.B2bParticipations.Any(s => s.SessionId == p.SessionId && s.OrganizationId == id), ct))
                .WithMessage(l["Обе организации участвуют в одной сессии B2B-встреч: сначала отмените участие одной из них."])
                .When(x => x.SurvivorId is not null && x.SurvivorId != x.DuplicateId);
            RuleFor(x => x.SurvivorId)
                .MustAsync(async (input, id, ct) => !await db.CompanyResults.AnyAsync(r => r.OrganizationId == input.DuplicateId
                    && db.CompanyResults.Any(s => s.MissionId == r.MissionId && s.OrganizationId == id), ct))
                .WithMessage(l["У обеих организаций внесены итоги одной миссии: сведите их в одну запись и повторите."])
                .When(x => x.SurvivorId is not null && x.SurvivorId != x.DuplicateId);
        }
    }

    public enum Outcome
    {
        Merged,
        NotFound,
        Stale,
    }

    public sealed class Handler(PortalDbContext db)
    {
        public async Task<Outcome> HandleAsync(Input input, CancellationToken ct)
        {
            var pair = await db.Organizations
                .Where(o => (o.Id == input.DuplicateId || o.Id == input.SurvivorId) && o.Status != OrganizationStatus.Merged)
                .ToListAsync(ct);
            if (pair.SingleOrDefault(o => o.Id == input.DuplicateId) is not { } duplicate || pair.SingleOrDefault(o => o.Id == input.SurvivorId) is not { } survivor)
            {
                return Outcome.NotFound;
            }

            if (duplicate.IsStale(input.DuplicateVersion) || survivor.IsStale(input.SurvivorVersion))
            {
                return Outcome.Stale;
            }

            var from = duplicate.Id;
            var to = survivor.Id;
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await MoveReferencesAsync(from, to, ct);
                duplicate.MergeInto(survivor);
                var inn = duplicate.ReleaseInn();
                if (!await db.TrySaveAsync(ct))
                {
                    return Outcome.Stale;
                }

                if (inn is not null && survivor.Inn is null)
                {
                    // A unique number is on one row at a time: the duplicate gave it up in the save above.
                    survivor.TakeInn(inn);
                    await db.SaveChangesAsync(ct);
                }

                await tx.CommitAsync(ct);
                return Outcome.Merged;
            });
        }

        private async Task MoveReferencesAsync(int from, int to, CancellationToken ct)
        {
            void Move<T>(IEnumerable<T> rows, string property)
                where T : class
            {
                foreach (var row in rows)
                {
                    db.Entry(row).Property(property).CurrentValue = to;
                }
            }

            Move(await db.Participants.IgnoreQueryFilters().Where(p => p.OrganizationId == from).ToListAsync(ct), "OrganizationId");
            Move(await db.Products.IgnoreQueryFilters().Where(p => p.OrganizationId == from).ToListAsync(ct), "OrganizationId");
            Move(await db.Venues.IgnoreQueryFilters().Where(v => v.OrganizationId == from).ToListAsync(ct), "OrganizationId");
            Move(await db.Visits.Where(v => v.HostOrganizationId == from).ToListAsync(ct), "HostOrganizationId");
            Move(await db.CompanyResults.Where(r => r.OrganizationId == from).ToListAsync(ct), "OrganizationId");
            Move(await db.B2bParticipations.Where(p => p.OrganizationId == from).ToListAsync(ct), "OrganizationId");
            Move(await db.Users.Where(u => u.OrganizationId == from).ToListAsync(ct), "OrganizationId");
            Move(await db.StoredFiles.Where(f => f.OrganizationId == from).ToListAsync(ct), "OrganizationId");
            Move(await db.CompanyJoinRequests.Where(r => r.OrganizationId == from).ToListAsync(ct), "OrganizationId");
            Move(await db.Set<Core.Domain.Agreements.AgreementSignatory>().Where(s => s.OrganizationId == from).ToListAsync(ct), "OrganizationId");

            // Organisers and agreement parties are sets: the survivor appears once, keeping its own role where it had one.
            var missions = await db.Missions.Include(m => m.Organizers).Where(m => m.Organizers.Any(o => o.OrganizationId == from)).ToListAsync(ct);
            foreach (var mission in missions)
            {
                var organizers = mission.Organizers.Where(o => o.OrganizationId != from).Select(o => (o.OrganizationId, o.Role)).ToList();
                if (organizers.All(o => o.OrganizationId != to))
                {
                    organizers.Add((to, mission.Organizers.First(o => o.OrganizationId == from).Role));
                }

                mission.ReplaceOrganizers(organizers);
            }

            var agreements = await db.Agreements.Include(a => a.Parties).Where(a => a.Parties.Any(p => p.OrganizationId == from)).ToListAsync(ct);
            foreach (var agreement in agreements)
            {
                agreement.ReplaceParties(agreement.Parties.Select(p => p.OrganizationId == from ? to : p.OrganizationId).Distinct().ToList());
            }
        }
    }
}
