using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Data.Configurations;
using MissionPortal.Core.Domain.B2b;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.B2b;

/// <summary>
/// A company joins a session (while requests are open) or edits its entry: what it offers and seeks, who meets for it,
/// and the slots it keeps free of meetings.
/// </summary>
public static class JoinSession
{
    /// <summary>A company's entry in a session: what it offers and seeks, who meets, and the slots it keeps free of meetings.</summary>
    public sealed class Input
    {
        public string? Offers { get; set; }

        public string? Needs { get; set; }

        public List<string> OfferCategories { get; set; } = [];

        public List<string> NeedCategories { get; set; } = [];

        /// <summary>Other categories or ОКПД2 codes, separated by commas or semicolons.</summary>
        public string? OtherOffers { get; set; }

        public string? OtherNeeds { get; set; }

        public string? ContactPerson { get; set; }

        public string? ContactPhone { get; set; }

        /// <summary>Start times of the slots the company takes as breaks.</summary>
        public List<TimeOnly> AwaySlots { get; set; } = [];

        public Guid? Version { get; set; }

        // A box posted empty binds as a null category: it names nothing.
        public IEnumerable<string> AllOffers => Chosen(OfferCategories).Concat(Split(OtherOffers));

        public IEnumerable<string> AllNeeds => Chosen(NeedCategories).Concat(Split(OtherNeeds));

        public static IEnumerable<string> Chosen(IEnumerable<string?> categories) =>
            categories.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim());

        private static IEnumerable<string> Split(string? text) =>
            (text ?? string.Empty).Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Offers).MaximumLength(B2bParticipationConfiguration.TextLength)
                .WithMessage(l["Сократите текст до {0} символов.", B2bParticipationConfiguration.TextLength]);
            RuleFor(x => x.Needs).MaximumLength(B2bParticipationConfiguration.TextLength)
                .WithMessage(l["Сократите текст до {0} символов.", B2bParticipationConfiguration.TextLength]);
            RuleFor(x => x)
                .Must(x => !string.IsNullOrWhiteSpace(x.Offers) || !string.IsNullOrWhiteSpace(x.Needs) || x.AllOffers.Any() || x.AllNeeds.Any())
                .OverridePropertyName("Offers")
                .WithMessage(l["Расскажите, что компания предлагает или ищет: текстом или категориями."]);
            RuleFor(x => x.AllOffers.Concat(x.AllNeeds))
                .Must(c => c.All(x => x.Length <= 100) && c.Count() <= 40)
                .WithMessage(l["Не больше 40 категорий, каждая не длиннее 100 символов."])
                .OverridePropertyName("OtherOffers");
            RuleFor(x => x.ContactPerson).NotEmpty().WithMessage(l["Укажите, кто будет на встречах от компании."])
                .MaximumLength(200).WithMessage(l["Сократите имя до {0} символов.", 200]);
            RuleFor(x => x.ContactPhone).OptionalRussianPhone(l);
        }
    }

    public enum Outcome
    {
        Joined,
        Saved,

        /// <summary>A colleague saved the company's entry first.</summary>
        Stale,

        /// <summary>A colleague joined the company a moment earlier: the unique index keeps one participation.</summary>
        AlreadyJoined,
    }

    public sealed class Handler(PortalDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
    {
        /// <summary>Why the company can't join now (a company that has joined may still edit its entry), or null.</summary>
        public string? Refusal(CompanySeat seat, SessionHeaderViewModel header) =>
            seat.ParticipationId is null && clock.GetUtcNow().UtcDateTime >= header.RequestsCloseUtc
                ? l["Приём участников и запросов закрыт {0} ({1}).", header.Zone.Text(header.RequestsCloseUtc), header.Zone.Label(l, header.RequestsCloseUtc)].Value
                : null;

        /// <summary>Saves a valid input the company may send (see <see cref="Refusal"/>).</summary>
        public async Task<Outcome> HandleAsync(CompanySeat seat, SessionHeaderViewModel header, Input input, CancellationToken ct)
        {
            var joining = seat.ParticipationId is null;
            B2bParticipation participation;
            if (seat.ParticipationId is { } mine)
            {
                participation = await db.B2bParticipations.SingleAsync(p => p.Id == mine, ct);
                db.ExpectVersion(participation, input.Version);
            }
            else
            {
                participation = db.B2bParticipations.Add(new B2bParticipation(seat.SessionId, seat.OrganizationId, seat.Side, clock.GetUtcNow().UtcDateTime)).Entity;
            }

            participation.Describe(FormText.Blank(input.Offers), FormText.Blank(input.Needs), input.AllOffers, input.AllNeeds,
                input.ContactPerson!.Trim(), LegalIdentifiers.NormalizePhone(input.ContactPhone));
            participation.TakeBreaks(header.Slots.Where(s => input.AwaySlots.Contains(s.Start)).Select(s => new TimePeriod(s.Start, s.End)));
            try
            {
                if (!await db.TrySaveAsync(ct))
                {
                    return Outcome.Stale;
                }
            }
            catch (DbUpdateException) when (joining)
            {
                return Outcome.AlreadyJoined;
            }

            return joining ? Outcome.Joined : Outcome.Saved;
        }
    }
}
