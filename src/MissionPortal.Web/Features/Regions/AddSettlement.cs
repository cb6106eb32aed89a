using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Organizations;

namespace MissionPortal.Web.Features.Regions;

/// <summary>Adds a city or settlement to a region, for venues and travel times; a name is once per region.</summary>
public static class AddSettlement
{
    public sealed class Input
    {
        public string? Name { get; set; }

        public int? RegionId { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(PortalDbContext db, IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Name)
                .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(l["Укажите название города или посёлка."])
                .MaximumLength(120).WithMessage(l["Сократите название до {0} символов.", 120]);
            RuleFor(x => x.RegionId)
                .NotNull().WithMessage(l["Выберите регион."])
                .MustAsync(async (id, ct) => id is null || await db.Regions.AnyAsync(r => r.Id == id, ct)).WithMessage(l["Выберите регион из списка."]);
            RuleFor(x => x.Name)
                .MustAsync(async (input, name, ct) =>
                {
                    var trimmed = name?.Trim() ?? string.Empty;
                    return !await db.Settlements.AnyAsync(s => s.RegionId == input.RegionId && s.Name == trimmed, ct);
                })
                .WithMessage((input, name) => l["«{0}» уже есть в этом регионе.", name?.Trim() ?? string.Empty])
                .When(x => !string.IsNullOrWhiteSpace(x.Name) && x.RegionId is not null);
        }
    }

    public sealed class Handler(PortalDbContext db)
    {
        public async Task HandleAsync(Input input, CancellationToken ct)
        {
            db.Settlements.Add(new Settlement(input.Name!.Trim(), input.RegionId!.Value));
            await db.SaveChangesAsync(ct);
        }
    }
}
