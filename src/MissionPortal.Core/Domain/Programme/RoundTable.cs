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
}

public class RoundTableSpeaker
{
    internal RoundTableSpeaker(Participant participant, string? talk, int order)
    {
        Participant = participant;
        Talk = talk;
        Order = order;
    }

    private RoundTableSpeaker()
    {
    }

    public int RoundTableId { get; private set; }

    public int ParticipantId { get; private set; }

    public Participant? Participant { get; private set; }

    public string? Talk { get; private set; }

    public int Order { get; private set; }
}
