using Microsoft.Extensions.Localization;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Programme;

/// <summary>Says a conflict the way a planner reads it, naming items, places and people.</summary>
public static class ConflictText
{
    public static string Of(ScheduleConflict conflict, ProgrammeSnapshot snapshot, IStringLocalizer l)
    {
        ProgrammeItemViewModel Item(int index) => snapshot.Items.First(i => i.Id == conflict.ItemIds[index]);
        string People() => string.Join(", ", conflict.PersonIds.Select(id => snapshot.People.FirstOrDefault(p => p.Id == id)?.FullName ?? "?").Take(5))
            + (conflict.PersonIds.Count > 5 ? l[" и ещё {0}", conflict.PersonIds.Count - 5] : string.Empty);

        return conflict.Kind switch
        {
            ConflictKind.VenueDoubleBooked => l["«{0}» и «{1}» одновременно на площадке «{2}».", Item(0).Title, Item(1).Title, Item(0).Venue ?? string.Empty],
            ConflictKind.PersonDoubleBooked => l["{0}: одновременно в «{1}» и «{2}».", People(), Item(0).Title, Item(1).Title],
            ConflictKind.OutsideMissionDates => l["«{0}» стоит на {1:dd.MM.yyyy} — вне дат миссии.", Item(0).Title, Item(0).Date.ToDateTime(TimeOnly.MinValue)],
            ConflictKind.NotEnoughTravelTime => l["Из «{0}» ({1}) в «{2}» ({3}) остаётся {4} мин, а дорога занимает {5} мин: {6}.",
                Item(0).Title, Item(0).VenueCity ?? string.Empty, Item(1).Title, Item(1).VenueCity ?? string.Empty,
                conflict.AvailableMinutes ?? 0, conflict.RequiredMinutes ?? 0, People()],
            ConflictKind.OverCapacity => l["На «{0}» {1} чел., а площадка «{2}» вмещает {3}.", Item(0).Title, conflict.People ?? 0, Item(0).Venue ?? string.Empty, conflict.Capacity ?? 0],
            _ => conflict.Key,
        };
    }

    /// <summary>What accepting the conflict as it is now accepts (see <see cref="ConflictAcceptance"/>).</summary>
    public static string Accepted(ScheduleConflict conflict, ProgrammeSnapshot snapshot) =>
        ConflictAcceptance.Describe(
            conflict,
            id => snapshot.Items.FirstOrDefault(i => i.Id == id) is { } i ? new AcceptedItem(i.Title, i.Date, i.Start, i.End, i.Venue) : null,
            id => snapshot.People.FirstOrDefault(p => p.Id == id)?.FullName ?? "#" + id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// The programme's conflicts as the page shows them: each with the acceptance that still covers it, or with the
    /// one that no longer does (the conflict changed since it was accepted, so it is open again).
    /// </summary>
    public static IReadOnlyList<ConflictViewModel> Conflicts(ProgrammeSnapshot snapshot, IReadOnlyList<AcknowledgementViewModel> acknowledgements, IStringLocalizer l) =>
        snapshot.Conflicts.Select(c =>
        {
            var accepted = Accepted(c, snapshot);
            var acknowledgement = acknowledgements.FirstOrDefault(a => a.ConflictKey == c.Key);
            var covers = acknowledgement is not null && ConflictAcknowledgement.Covers(acknowledgement.Accepted, accepted);
            return new ConflictViewModel(c.Key, c.Kind, Of(c, snapshot, l), c.ItemIds, covers ? acknowledgement : null)
            {
                Reopened = covers ? null : acknowledgement,
            };
        }).ToList();
}
