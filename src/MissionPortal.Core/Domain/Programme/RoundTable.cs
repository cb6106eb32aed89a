using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Missions;

namespace MissionPortal.Core.Domain.Programme;

/// <summary>Круглый стол: a themed discussion with a moderator, speakers and, afterwards, a resolution.</summary>
public class RoundTable
{
    private readonly List<RoundTableSpeaker> _speakers = [];

    internal RoundTable(string topic, Participant? moderator)
    {
        Topic = topic;
        Moderator = moderator;
    }

    private RoundTable()
    {
        Topic = string.Empty;
    }

    public int Id { get; private set; }

    public int ProgrammeItemId { get; private set; }

    public string Topic { get; private set; }

    public int? ModeratorId { get; private set; }

    public Participant? Moderator { get; private set; }

    public string? Resolution { get; private set; }

    public IReadOnlyCollection<RoundTableSpeaker> Speakers => _speakers;

    public RoundTable AddSpeaker(Participant speaker, string? talk = null)
    {
        _speakers.Add(new RoundTableSpeaker(speaker, talk, _speakers.Count + 1));
        return this;
    }

    public void RecordResolution(string? resolution) => Resolution = resolution;

    internal void RemoveName(NameInText name)
    {
        Topic = name.Remove(Topic);
        Resolution = name.RemoveFrom(Resolution);
        foreach (var speaker in _speakers)
        {
            speaker.Talk = name.RemoveFrom(speaker.Talk);
        }
    }

    internal void Update(string topic, int? moderatorId, IEnumerable<int> speakerIds, string? resolution)
    {
        Topic = topic;
        ModeratorId = moderatorId;
        Resolution = resolution;
        var ordered = speakerIds.Distinct().ToList();
        _speakers.RemoveAll(s => !ordered.Contains(s.ParticipantId));
        foreach (var id in ordered)
        {
            var existing = _speakers.FirstOrDefault(s => s.ParticipantId == id);
            if (existing is null)
            {
                _speakers.Add(new RoundTableSpeaker(id, ordered.IndexOf(id) + 1));
            }
            else
            {
                existing.Order = ordered.IndexOf(id) + 1;
            }
        }
    }
}

public class RoundTableSpeaker
{
    internal RoundTableSpeaker(Participant participant, string? talk, int order)
    {
        Participant = participant;
        Talk = talk;
        Order = order;
    }

    internal RoundTableSpeaker(int participantId, int order)
    {
        ParticipantId = participantId;
        Order = order;
    }

    private RoundTableSpeaker()
    {
    }

    public int RoundTableId { get; private set; }

    public int ParticipantId { get; private set; }

    public Participant? Participant { get; private set; }

    public string? Talk { get; internal set; }

    public int Order { get; internal set; }
}
