using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Security;
using MissionPortal.Web.Features.Shared;
using MissionPortal.Web.Infrastructure.Files;
using MissionPortal.Web.Infrastructure.Identity;
using MissionPortal.Web.Infrastructure.Mvc;
using MissionPortal.Web.Infrastructure.Security;

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

    public required ProductInput Input { get; init; }

    public IReadOnlyList<ProductFileViewModel> Files { get; init; } = [];
}

/// <summary>A company's products: name, category, ОКПД2, terms of supply, images and a brochure.</summary>
[Authorize(Policy = Policies.EditCompanyData)]
[Route("products")]
public class ProductsController(
    PortalDbContext db,
    FileStore files,
    IValidator<ProductInput> validator,
    IStringLocalizer<SharedResource> l,
    TimeProvider clock) : Controller
{
    /// <summary>The company's products; the agency names the company, a company user always gets its own.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(int? companyId, CancellationToken ct)
    {
        var id = CompanyOf(companyId);
        if (id is null || !User.CanEdit(id.Value))
        {
            return NotFound();
        }

        var company = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).SingleOrDefaultAsync(ct);
        if (company is null)
        {
            return NotFound();
        }

        var showDeleted = User.IsInRole(Roles.Agency);
        var products = showDeleted ? db.Products.IgnoreQueryFilters() : db.Products;
        return View(new ProductsPageViewModel
        {
            CompanyId = id.Value,
            CompanyName = company,
            ShowDeleted = showDeleted,
            Products = await products.AsNoTracking().Where(p => p.OrganizationId == id)
                .OrderBy(p => p.DeletedAtUtc != null).ThenBy(p => p.Name)
                .Select(p => new ProductListItemViewModel
                {
                    Id = p.Id,
                    Name = p.Name,
                    Category = p.Category,
                    Okpd2Code = p.Okpd2Code,
                    Deleted = p.DeletedAtUtc != null,
                    Version = p.Version,
                    ImageId = db.StoredFiles.Where(f => f.ProductId == p.Id && f.Kind == StoredFileKind.ProductImage).OrderBy(f => f.CreatedAtUtc).Select(f => (Guid?)f.Id).FirstOrDefault(),
                })
                .ToListAsync(ct),
        });
    }

    [HttpGet("new")]
    public IActionResult New(int? companyId)
    {
        var id = CompanyOf(companyId);
        return id is null || !User.CanEdit(id.Value) ? NotFound() : View("Form", new ProductFormViewModel { CompanyId = id.Value, Input = new ProductInput() });
    }

    [HttpPost("new")]
    [RequestSizeLimit(60 * 1024 * 1024)]
    [EnableRateLimiting(RateLimitPolicies.Uploads)]
    [RequestFormLimits(MultipartBodyLengthLimit = 60 * 1024 * 1024)]
    [OneSubmission(nameof(Index))]
    public async Task<IActionResult> Create(int? companyId, ProductInput input, CancellationToken ct)
    {
        var id = CompanyOf(companyId);
        if (id is null || !User.CanEdit(id.Value) || !await db.Organizations.AnyAsync(o => o.Id == id, ct))
        {
            return NotFound();
        }

        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (!ModelState.IsValid)
        {
            return View("Form", new ProductFormViewModel { CompanyId = id.Value, Input = input });
        }

        var company = await db.Organizations.SingleAsync(o => o.Id == id, ct);
        var product = company.AddProduct(input.Name!.Trim(), input.Category!.Trim(), input.Description!.Trim(), FormText.Blank(input.Okpd2Code), FormText.Blank(input.SupplyTerms));
        await db.SaveChangesAsync(ct);
        if (!await StoreUploadsAsync(product, input, ct))
        {
            db.Products.Remove(product);
            await db.SaveChangesAsync(ct);
            return View("Form", new ProductFormViewModel { CompanyId = id.Value, Input = input });
        }

        this.FlashDone(l["Продукция «{0}» добавлена.", product.Name].Value);
        return RedirectToAction(nameof(Index), new { companyId = CompanyRouteValue(id.Value) });
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var product = await FindAsync(id, ct);
        if (product is null)
        {
            return NotFound();
        }

        var input = new ProductInput
        {
            Name = product.Name,
            Category = product.Category,
            Description = product.Description,
            Okpd2Code = product.Okpd2Code,
            SupplyTerms = product.SupplyTerms,
            Version = product.Version,
        };
        return View("Form", await FormAsync(product, input, ct));
    }

    [HttpPost("{id:int}/edit")]
    [RequestSizeLimit(60 * 1024 * 1024)]
    [EnableRateLimiting(RateLimitPolicies.Uploads)]
    [RequestFormLimits(MultipartBodyLengthLimit = 60 * 1024 * 1024)]
    public async Task<IActionResult> Edit(int id, ProductInput input, CancellationToken ct)
    {
        var product = await FindAsync(id, ct);
        if (product is null)
        {
            return NotFound();
        }

        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (!ModelState.IsValid)
        {
            return View("Form", await FormAsync(product, input, ct));
        }

        db.ExpectFormVersion(product, input.Version);

        product.Update(input.Name!.Trim(), input.Category!.Trim(), input.Description!.Trim(), FormText.Blank(input.Okpd2Code), FormText.Blank(input.SupplyTerms));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = (await FindAsync(id, ct))!;
            ModelState.AddModelError(string.Empty, l["Пока вы редактировали, карточку продукции сохранил другой пользователь: сейчас она называется «{0}». Проверьте поля и сохраните ещё раз, чтобы записать вашу версию.", current.Name]);
            input.Version = current.Version;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Form", await FormAsync(current, input, ct));
        }

        if (!await StoreUploadsAsync(product, input, ct))
        {
            return View("Form", await FormAsync(product, input, ct));
        }

        this.FlashDone(l["Продукция «{0}» сохранена.", product.Name].Value);
        return RedirectToAction(nameof(Index), new { companyId = CompanyRouteValue(product.OrganizationId) });
    }

    /// <summary>Asks before deleting: the product leaves the catalogue but is kept, and the agency can restore it.</summary>
    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken ct)
    {
        var product = await FindAsync(id, ct);
        return product is null ? NotFound() : View(new ProductListItemViewModel { Id = product.Id, Name = product.Name, Category = product.Category, Version = product.Version });
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> ConfirmDelete(int id, Guid? version, CancellationToken ct)
    {
        var product = await FindAsync(id, ct);
        if (product is null)
        {
            return NotFound();
        }

        if (product.IsStale(version))
        {
            return await StaleProductAsync(id, ct);
        }

        db.ExpectVersion(product, version);
        product.Delete(clock.GetUtcNow().UtcDateTime);
        if (!await db.TrySaveAsync(ct))
        {
            return await StaleProductAsync(id, ct);
        }

        this.FlashDone(l["Продукция «{0}» удалена из каталога. Агентство может её восстановить.", product.Name].Value);
        return RedirectToAction(nameof(Index), new { companyId = CompanyRouteValue(product.OrganizationId) });
    }

    [HttpPost("{id:int}/restore")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Restore(int id, Guid? version, CancellationToken ct)
    {
        var product = await db.Products.IgnoreQueryFilters().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (product is null)
        {
            return NotFound();
        }

        if (product.IsStale(version))
        {
            return await StaleProductAsync(id, ct);
        }

        db.ExpectVersion(product, version);
        product.Restore();
        if (!await db.TrySaveAsync(ct))
        {
            return await StaleProductAsync(id, ct);
        }

        this.FlashDone(l["Продукция «{0}» восстановлена.", product.Name].Value);
        return RedirectToAction(nameof(Index), new { companyId = product.OrganizationId });
    }

    [HttpPost("{id:int}/files/{fileId:guid}/delete")]
    public async Task<IActionResult> DeleteFile(int id, Guid fileId, CancellationToken ct)
    {
        var product = await FindAsync(id, ct);
        var file = product is null ? null : await db.StoredFiles.SingleOrDefaultAsync(f => f.Id == fileId && f.ProductId == product.Id, ct);
        if (file is null)
        {
            return NotFound();
        }

        db.StoredFiles.Remove(file);
        await db.SaveChangesAsync(ct);
        files.Delete(file);
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>The delete or restore button was on a page older than the product: say what it is now.</summary>
    private async Task<IActionResult> StaleProductAsync(int id, CancellationToken ct)
    {
        var current = await db.Products.IgnoreQueryFilters().AsNoTracking().SingleAsync(p => p.Id == id, ct);
        return this.StaleDecision(
            l["Продукция «{0}» ({1}) сейчас {2}.", current.Name, current.Category, current.DeletedAtUtc is null ? l["в каталоге"] : l["в корзине удалённых"]],
            Url.Action(nameof(Index), new { companyId = CompanyRouteValue(current.OrganizationId) })!);
    }

    private int? CompanyOf(int? requested) => User.IsInRole(Roles.Agency) ? requested ?? User.OrganizationId() : User.OrganizationId();

    private int? CompanyRouteValue(int companyId) => User.IsInRole(Roles.Agency) ? companyId : null;

    /// <summary>The product if this user may edit it; otherwise null, which the actions answer with 404.</summary>
    private async Task<Product?> FindAsync(int id, CancellationToken ct)
    {
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == id, ct);
        return product is not null && User.CanEdit(product.OrganizationId) ? product : null;
    }

    private async Task<bool> StoreUploadsAsync(Product product, ProductInput input, CancellationToken ct)
    {
        var uploads = input.Images.Select(i => (File: i, Kind: StoredFileKind.ProductImage)).ToList();
        if (input.Brochure is not null)
        {
            uploads.Add((input.Brochure, StoredFileKind.Brochure));
        }

        var stored = new List<StoredFile>();
        foreach (var (upload, kind) in uploads)
        {
            var (file, error) = await files.SaveAsync(upload, kind, product.OrganizationId, product.Id, ct);
            if (error is not null)
            {
                ModelState.AddModelError(kind == StoredFileKind.Brochure ? nameof(input.Brochure) : nameof(input.Images), error);
                continue;
            }

            stored.Add(file!);
        }

        if (!ModelState.IsValid)
        {
            stored.ForEach(files.Delete);
            return false;
        }

        if (input.Brochure is not null)
        {
            var old = await db.StoredFiles.Where(f => f.ProductId == product.Id && f.Kind == StoredFileKind.Brochure).ToListAsync(ct);
            db.StoredFiles.RemoveRange(old);
            old.ForEach(files.Delete);
        }

        db.StoredFiles.AddRange(stored);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<ProductFormViewModel> FormAsync(Product product, ProductInput input, CancellationToken ct) => new()
    {
        CompanyId = product.OrganizationId,
        Id = product.Id,
        Input = input,
        Files = await db.StoredFiles.AsNoTracking().Where(f => f.ProductId == product.Id).OrderBy(f => f.CreatedAtUtc)
            .Select(f => new ProductFileViewModel(f.Id, f.Kind, f.OriginalName, f.HasThumbnail)).ToListAsync(ct),
    };

}
