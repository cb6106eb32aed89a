using MissionPortal.Core.Domain.Organizations;

namespace MissionPortal.Web.Features.Products;

public sealed record ProductFileViewModel(Guid Id, StoredFileKind Kind, string Name, bool HasThumbnail);

public sealed class ProductListItemViewModel
{
    public int Id { get; init; }

    public required string Name { get; init; }

    public required string Category { get; init; }

    public string? Okpd2Code { get; init; }

    public bool Deleted { get; init; }

    /// <summary>Goes back with the delete and restore buttons, so a click on an out-of-date page is refused.</summary>
    public Guid Version { get; init; }

    public Guid? ImageId { get; init; }
}

public sealed class ProductsPageViewModel
{
    public int CompanyId { get; init; }

    public required string CompanyName { get; init; }

    public IReadOnlyList<ProductListItemViewModel> Products { get; init; } = [];

    public bool ShowDeleted { get; init; }
}

public sealed class ProductFormViewModel
{
    public int CompanyId { get; init; }

    public int? Id { get; init; }

    public required SaveProduct.Input Input { get; init; }

    public IReadOnlyList<ProductFileViewModel> Files { get; init; } = [];
}
