using MissionPortal.Core.Domain.Agreements;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Agreements;

public sealed class AgreementFilter
{
    public AgreementKind? Kind { get; set; }

    public AgreementStatus? Status { get; set; }

    public CooperationAreas? Area { get; set; }

    public int? MissionId { get; set; }

    public int? Year { get; set; }
}

public sealed class AgreementListItemViewModel
{
    public int Id { get; init; }

    public required string Title { get; init; }

    public AgreementKind Kind { get; init; }

    public AgreementStatus Status { get; init; }

    public CooperationAreas Areas { get; init; }

    public DateOnly? SignedOn { get; init; }

    public int? MissionId { get; init; }

    public string? Mission { get; init; }

    public List<string> Parties { get; init; } = [];
}

public sealed class AgreementIndexViewModel
{
    public required AgreementFilter Filter { get; init; }

    public IReadOnlyList<AgreementListItemViewModel> Agreements { get; init; } = [];

    public IReadOnlyList<OptionViewModel> Missions { get; init; } = [];

    public IReadOnlyList<int> Years { get; init; } = [];

    public bool CanManage { get; init; }
}

public sealed record SignatoryViewModel(string FullName, string Position, string Organization);

public sealed class AgreementDetailsViewModel
{
    public int Id { get; init; }

    public Guid Version { get; init; }

    public required string Title { get; init; }

    public AgreementKind Kind { get; init; }

    public AgreementStatus Status { get; init; }

    public CooperationAreas Areas { get; init; }

    public DateOnly? SignedOn { get; init; }

    public int? MissionId { get; init; }

    public string? Mission { get; init; }

    public string? ProgrammeItem { get; init; }

    public DateOnly? ProgrammeItemDate { get; init; }

    public List<string> Parties { get; init; } = [];

    public List<SignatoryViewModel> Signatories { get; init; } = [];

    public bool CanManage { get; init; }

    /// <summary>The zone its dates are shown in: its mission's host region's, or the portal's default without a mission.</summary>
    public MissionZone Zone { get; init; } = MissionZone.Default;

    /// <summary>The agreement's text as a PDF, if one has been uploaded.</summary>
    public AgreementDocumentViewModel? Document { get; init; }

    public IReadOnlyList<AgreementStatus> NextSteps => Agreement.NextSteps(Status);
}

public sealed record AgreementDocumentViewModel(Guid Id, string Name, long Size, DateTime UploadedAtUtc);

public sealed record ItemOptionViewModel(int Id, int MissionId, string Mission, string Text);

public sealed class AgreementFormViewModel
{
    public int? Id { get; init; }

    public AgreementStatus? Status { get; init; }

    public required SaveAgreement.Input Input { get; init; }

    public IReadOnlyList<OptionViewModel> Organizations { get; init; } = [];

    public IReadOnlyList<OptionViewModel> Missions { get; init; } = [];

    public IReadOnlyList<ItemOptionViewModel> Items { get; init; } = [];
}
