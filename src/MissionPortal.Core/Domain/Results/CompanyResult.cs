using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;

namespace MissionPortal.Core.Domain.Results;

/// <summary>
/// What one company got out of a mission: business contacts made and contracts it intends to sign,
/// entered by the company for itself or by the agency for any company. One record per company and mission.
/// </summary>
public class CompanyResult : VersionedEntity
{
    public const int MaxCount = 100_000;

    public CompanyResult(int missionId, int organizationId)
    {
        MissionId = missionId;
        OrganizationId = organizationId;
    }

    public int MissionId { get; private set; }

    public Mission? Mission { get; private set; }

    public int OrganizationId { get; private set; }

    public Organization? Organization { get; private set; }

    /// <summary>Деловые контакты: people and organisations the company got in touch with.</summary>
    public int ContactsMade { get; private set; }

    /// <summary>Контракты, которые компания намерена заключить.</summary>
    public int ContractsIntended { get; private set; }

    /// <summary>With whom, about what: free text for the agency's report.</summary>
    public string? Notes { get; private set; }

    public string? UpdatedBy { get; private set; }

    public DateTime? UpdatedAtUtc { get; private set; }

    public void Record(int contactsMade, int contractsIntended, string? notes, string by, DateTime atUtc)
    {
        if (contactsMade is < 0 or > MaxCount || contractsIntended is < 0 or > MaxCount)
        {
            throw new ArgumentOutOfRangeException(nameof(contactsMade), "Counts are between 0 and 100 000.");
        }

        ContactsMade = contactsMade;
        ContractsIntended = contractsIntended;
        Notes = notes;
        UpdatedBy = by;
        UpdatedAtUtc = atUtc;
    }
}
