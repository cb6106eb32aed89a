namespace MissionPortal.Core.Domain.Organizations;

public enum StoredFileKind
{
    ProductImage = 1,
    Brochure = 2,
    Logo = 3,

    /// <summary>The signed text of an agreement (PDF).</summary>
    AgreementDocument = 4,
}

/// <summary>
/// An uploaded file: kept outside wwwroot under a generated name, described here, served by an authorised action.
/// Images have a thumbnail stored beside them.
/// </summary>
public class StoredFile
{
    public StoredFile(Guid id, int? organizationId, int? productId, StoredFileKind kind, string contentType, string originalName, long size, bool hasThumbnail, DateTime createdAtUtc, int? agreementId = null)
    {
        Id = id;
        OrganizationId = organizationId;
        ProductId = productId;
        AgreementId = agreementId;
        Kind = kind;
        ContentType = contentType;
        OriginalName = originalName;
        Size = size;
        HasThumbnail = hasThumbnail;
        CreatedAtUtc = createdAtUtc;
    }

    public Guid Id { get; private set; }

    /// <summary>The company the file belongs to; null for an agreement's document, which belongs to the registry.</summary>
    public int? OrganizationId { get; private set; }

    public int? ProductId { get; private set; }

    public int? AgreementId { get; private set; }

    public StoredFileKind Kind { get; private set; }

    /// <summary>The type found in the file's content, never the one the browser claimed.</summary>
    public string ContentType { get; private set; }

    public string OriginalName { get; private set; }

    public long Size { get; private set; }

    public bool HasThumbnail { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>The name on disk: the id, nothing the user typed.</summary>
    public string StoredName => Id.ToString("N");

    public string ThumbnailName => Id.ToString("N") + ".thumb";
}

public enum JoinRequestStatus
{
    Pending = 1,
    Approved = 2,
    Rejected = 3,
}

/// <summary>A user who registered with the ИНН of a company that exists already asks to join it.</summary>
public class CompanyJoinRequest
{
    public CompanyJoinRequest(string userId, int organizationId, DateTime createdAtUtc)
    {
        UserId = userId;
        OrganizationId = organizationId;
        CreatedAtUtc = createdAtUtc;
        Status = JoinRequestStatus.Pending;
    }

    public int Id { get; private set; }

    public string UserId { get; private set; }

    public int OrganizationId { get; private set; }

    public JoinRequestStatus Status { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string? DecidedBy { get; private set; }

    public void Approve(string by)
    {
        Status = JoinRequestStatus.Approved;
        DecidedBy = by;
    }

    public void Reject(string by)
    {
        Status = JoinRequestStatus.Rejected;
        DecidedBy = by;
    }
}
