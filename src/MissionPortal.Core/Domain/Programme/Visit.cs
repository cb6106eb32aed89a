using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;

namespace MissionPortal.Core.Domain.Programme;

/// <summary>Выезд на предприятие / посещение учреждения: a programme item at a host organisation.</summary>
public class Visit
{
    private readonly List<VisitOfficial> _officials = [];

    internal Visit(Organization host, IEnumerable<Participant> officials)
    {
        HostOrganization = host;
        _officials.AddRange(officials.Select(o => new VisitOfficial(o)));
    }

    internal Visit()
    {
    }

    public int Id { get; private set; }

    public int ProgrammeItemId { get; private set; }

    public int HostOrganizationId { get; private set; }

    public Organization? HostOrganization { get; private set; }

    public IReadOnlyCollection<VisitOfficial> Officials => _officials;

    internal void Update(int hostOrganizationId, IEnumerable<int> officialIds)
    {
        HostOrganizationId = hostOrganizationId;
        var wanted = officialIds.ToHashSet();
        _officials.RemoveAll(o => !wanted.Contains(o.ParticipantId));
        foreach (var id in wanted.Where(id => _officials.All(o => o.ParticipantId != id)))
        {
            _officials.Add(new VisitOfficial(id));
        }
    }
}

/// <summary>An official who accompanies a visit (in the seeds: a representative of the regional ministry of health).</summary>
public class VisitOfficial
{
    internal VisitOfficial(Participant participant)
    {
        Participant = participant;
    }

    internal VisitOfficial(int participantId)
    {
        ParticipantId = participantId;
    }

    private VisitOfficial()
    {
    }

    public int VisitId { get; private set; }

    public int ParticipantId { get; private set; }

    public Participant? Participant { get; private set; }
}
