using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Results;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Results;

/// <summary>What a company (or the agency for it) enters after a mission: contacts, contracts and a note.</summary>
public static class RecordCompanyResult
{
    public sealed class Input
    {
        public int? ContactsMade { get; set; }

        public int? ContractsIntended { get; set; }

        public string? Notes { get; set; }

        /// <summary>The record's version when the form was opened; null for a first entry.</summary>
        public Guid? Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public const int MaxNotes = 2000;

        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.ContactsMade)
                .NotNull().WithMessage(l["Укажите число деловых контактов (0, если их не было)."])
                .InclusiveBetween(0, CompanyResult.MaxCount).WithMessage(l["Число деловых контактов — от 0 до {0}.", CompanyResult.MaxCount]);
            RuleFor(x => x.ContractsIntended)
                .NotNull().WithMessage(l["Укажите число намеченных контрактов (0, если их нет)."])
                .InclusiveBetween(0, CompanyResult.MaxCount).WithMessage(l["Число намеченных контрактов — от 0 до {0}.", CompanyResult.MaxCount]);
            RuleFor(x => x.Notes)
                .MaximumLength(MaxNotes).WithMessage(l["Сократите комментарий до {0} символов.", MaxNotes]);
        }
    }

    /// <summary>
    /// Saves the results of a valid input; false (nothing saved) when the record changed, appeared or went since the
    /// form was opened.
    /// </summary>
    public sealed class Handler(PortalDbContext db, TimeProvider clock)
    {
        public async Task<bool> HandleAsync(int missionId, int organizationId, Input input, string by, CancellationToken ct)
        {
            var result = await db.CompanyResults.SingleOrDefaultAsync(r => r.MissionId == missionId && r.OrganizationId == organizationId, ct);
            if (result is null)
            {
                if (input.Version is not null)
                {
                    // The form was opened on a record that has gone since: nothing to compare with, start afresh.
                    return false;
                }

                result = new CompanyResult(missionId, organizationId);
                db.CompanyResults.Add(result);
            }
            else if (input.Version is null)
            {
                // Someone entered the results while this form, opened on an empty record, was being filled in.
                return false;
            }
            else
            {
                db.ExpectVersion(result, input.Version);
            }

            result.Record(input.ContactsMade!.Value, input.ContractsIntended!.Value, FormText.Blank(input.Notes), by, clock.GetUtcNow().UtcDateTime);
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                return false;
            }
        }
    }
}
