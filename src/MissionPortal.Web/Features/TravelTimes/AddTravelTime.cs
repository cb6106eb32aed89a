using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.TravelTimes;

/// <summary>A new pair of cities with its road time; one time per pair, whichever way round it is typed.</summary>
public static class AddTravelTime
{
    public sealed class Input
    {
        public string? FromCity { get; set; }

        public string? ToCity { get; set; }

        public int? Minutes { get; set; }

        public string From => FromCity?.Trim() ?? string.Empty;

        public string To => ToCity?.Trim() ?? string.Empty;
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(PortalDbContext db, IStringLocalizer<SharedResource> l)
        {
            RuleLevelCascadeMode = CascadeMode.Stop;
            ClassLevelCascadeMode = CascadeMode.Stop;
            RuleFor(x => x)
                .Must(x => x.From.Length is > 0 and <= 100 && x.To.Length is > 0 and <= 100).WithMessage(l["Укажите оба города (до 100 символов)."])
                .Must(x => !string.Equals(x.From, x.To, StringComparison.OrdinalIgnoreCase)).WithMessage(l["Выберите два разных города."])
                .Must(x => x.Minutes is >= 1 and <= ChangeTravelTime.MaxMinutes).WithMessage(l["Время в пути — от 1 до 2880 минут."])
                .MustAsync(async (x, ct) => !await db.TravelTimes.AnyAsync(
                    t => (t.FromCity == x.From && t.ToCity == x.To) || (t.FromCity == x.To && t.ToCity == x.From), ct))
                .WithMessage(l["Для этой пары городов время уже задано: измените его в таблице."]);
        }
    }

    public sealed class Handler(PortalDbContext db, ReferenceData reference)
    {
        /// <summary>Adds the pair of a valid input.</summary>
        public async Task HandleAsync(Input input, CancellationToken ct)
        {
            db.TravelTimes.Add(new TravelTime(input.From, input.To, input.Minutes!.Value));
            await db.SaveChangesAsync(ct);
            reference.ForgetTravelTimes();
        }
    }
}
