using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Web.Infrastructure.Localization;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Venues;

/// <summary>A new venue, or the one edited, saved against the version its form was opened on.</summary>
public static class SaveVenue
{
    public sealed class Input
    {
        public string? Name { get; set; }

        public string? City { get; set; }

        public string? Address { get; set; }

        public int? Capacity { get; set; }

        public int? OrganizationId { get; set; }

        /// <summary>The version the form was opened on; a newer one in the database means someone else saved first.</summary>
        public Guid? Version { get; set; }

        public static Input From(Venue venue) => new()
        {
            Name = venue.Name,
            City = venue.City,
            Address = venue.Address,
            Capacity = venue.Capacity,
            OrganizationId = venue.OrganizationId,
            Version = venue.Version,
        };
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(PortalDbContext db, IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage(l["Укажите название."]).MaximumLength(300).WithMessage(l["Сократите название до {0} символов.", 300]);
            RuleFor(x => x.City).NotEmpty().WithMessage(l["Укажите город."]).MaximumLength(100).WithMessage(l["Сократите название города до {0} символов.", 100]);
            RuleFor(x => x.Address).NotEmpty().WithMessage(l["Укажите адрес."]).MaximumLength(400).WithMessage(l["Сократите адрес до {0} символов.", 400]);
            RuleFor(x => x.Capacity).InclusiveBetween(1, 100_000).When(x => x.Capacity is not null).WithMessage(l["Укажите вместимость от 1 до {0} человек.", Formats.Number(100_000)]);
            RuleFor(x => x.OrganizationId).MustAsync(async (id, ct) => id is null || await db.Organizations.AnyAsync(o => o.Id == id, ct))
                .WithMessage(l["Выберите организацию из списка."]);
        }
    }

    public enum Outcome
    {
        Saved,
        NotFound,
        Stale,
    }

    public sealed class Handler(PortalDbContext db)
    {
        /// <summary>The outcome and the venue: as saved, or as someone else saved it first.</summary>
        public async Task<(Outcome Outcome, Venue? Venue)> HandleAsync(int? id, Input input, CancellationToken ct)
        {
            if (id is null)
            {
                var created = new Venue(input.Name!.Trim(), input.City!.Trim(), input.Address!.Trim(), input.Capacity);
                created.Update(created.Name, created.City, created.Address, created.Capacity, input.OrganizationId);
                db.Venues.Add(created);
                await db.SaveChangesAsync(ct);
                return (Outcome.Saved, created);
            }

            var venue = await db.Venues.SingleOrDefaultAsync(v => v.Id == id, ct);
            if (venue is null)
            {
                return (Outcome.NotFound, null);
            }

            db.ExpectVersion(venue, input.Version);
            venue.Update(input.Name!.Trim(), input.City!.Trim(), input.Address!.Trim(), input.Capacity, input.OrganizationId);
            return await db.TrySaveAsync(ct)
                ? (Outcome.Saved, venue)
                : (Outcome.Stale, await db.Venues.AsNoTracking().SingleAsync(v => v.Id == id, ct));
        }
    }
}
