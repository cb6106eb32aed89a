using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Organizations;

namespace MissionPortal.Core.Domain.Missions;

public enum DelegationSide
{
    /// <summary>The delegation that comes to the host region.</summary>
    Visiting = 1,

    /// <summary>The host side: officials and staff who receive the delegation.</summary>
    Host = 2,
}

/// <summary>Делегация: the visiting group (or the host side) with its head, members and sub-groups.</summary>
public class Delegation : VersionedEntity
{
    private readonly List<Participant> _participants = [];
    private readonly List<DelegationGroup> _groups = [];

    internal Delegation(string name, DelegationSide side)
    {
        Name = name;
        Side = side;
    }

    public int MissionId { get; private set; }

    public Mission? Mission { get; private set; }

    public string Name { get; private set; }

    public DelegationSide Side { get; private set; }

    public IReadOnlyCollection<Participant> Participants => _participants;

    public IReadOnlyCollection<DelegationGroup> Groups => _groups;

    /// <summary>
    /// Whether the companies of this delegation see everyone on its roster; when false (the default)
    /// a company sees only its own people. The agency decides.
    /// </summary>
    public bool SharesFullRoster { get; private set; }

    public void ShareFullRoster(bool share) => SharesFullRoster = share;

    public Participant AddParticipant(
        string surname,
        string givenName,
        string? patronymic,
        string position,
        Organization? organization,
        DelegationRole role = DelegationRole.Member)
    {
        var participant = new Participant(surname, givenName, patronymic, position, organization, role)
        {
            ProtocolOrder = _participants.Count + 1,
        };
        _participants.Add(participant);
        return participant;
    }

    /// <summary>A person a company applies with, or the agency adds: linked to the organisation by id, waiting or approved.</summary>
    public Participant AddParticipant(string surname, string givenName, string? patronymic, string position, int? organizationId, DelegationRole role, bool approved)
    {
        var participant = new Participant(surname, givenName, patronymic, position, null, role)
        {
            ProtocolOrder = _participants.Count + 1,
        };
        participant.Update(surname, givenName, patronymic, position, organizationId);
        if (!approved)
        {
            participant.MarkPending();
        }

        _participants.Add(participant);
        return participant;
    }

    /// <summary>Renames the delegation («Делегация Томской области»).</summary>
    public void Rename(string name) => Name = name;

    /// <summary>
    /// Gives a person of this delegation a role. A delegation has one head: marking a new head makes the former one a
    /// member. The head stands first on every roster (see <see cref="ProtocolKey"/>).
    /// </summary>
    public void AssignRole(Participant person, DelegationRole role)
    {
        if (!_participants.Contains(person))
        {
            throw new InvalidOperationException("The person is not in this delegation.");
        }

        if (role == DelegationRole.Head)
        {
            foreach (var former in _participants.Where(p => p != person && p.Role == DelegationRole.Head))
            {
                former.ChangeRole(DelegationRole.Member);
            }
        }

        person.ChangeRole(role);
    }

    public DelegationGroup AddGroup(string name, params Participant[] members)
    {
        var group = new DelegationGroup(name);
        foreach (var member in members)
        {
            group.Add(member);
        }

        _groups.Add(group);
        return group;
    }
}

/// <summary>A sub-group of a delegation, such as the cluster participants of the Saint Petersburg visit.</summary>
public class DelegationGroup
{
    private readonly List<Participant> _members = [];

    internal DelegationGroup(string name)
    {
        Name = name;
    }

    public int Id { get; private set; }

    public int DelegationId { get; private set; }

    public string Name { get; private set; }

    public IReadOnlyCollection<Participant> Members => _members;

    public void Add(Participant participant)
    {
        if (!_members.Contains(participant))
        {
            _members.Add(participant);
        }
    }
}
