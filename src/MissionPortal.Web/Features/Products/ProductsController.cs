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
using MissionPortal.Web.Infrastructure.Identity;
using MissionPortal.Web.Infrastructure.Mvc;
using MissionPortal.Web.Infrastructure.Security;

namespace MissionPortal.Web.Features.Products;

/// <summary>A company's products: name, category, ОКПД2, terms of supply, images and a brochure. HTTP only; the commands decide.</summary>
[Authorize(Policy = Policies.EditCompanyData)]
[Route("products")]
public class ProductsController(
    PortalDbContext db,
    ProductQueries queries,
    IValidator<SaveProduct.Input> validator,
    SaveProduct.Handler save,
    DeleteProduct.Handler delete,
    RestoreProduct.Handler restore,
    DeleteProductFile.Handler deleteFile,
    IAuthorizationService authorization,
    IStringLocalizer<SharedResource> l) : Controller
{
    /// <summary>The company's products; the agency names the company, a company user always gets its own.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(int? companyId, CancellationToken ct)
    {
        var id = await CompanyOfAsync(companyId);
        if (id is null || !User.CanEdit(id.Value))
        {
            return NotFound();
        }

        var page = await queries.PageAsync(id.Value, showDeleted: await IsAgencyAsync(), ct);
        return page is null ? NotFound() : View(page);
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(int? companyId)
    {
        var id = await CompanyOfAsync(companyId);
        return id is null || !User.CanEdit(id.Value) ? NotFound() : View("Form", new ProductFormViewModel { CompanyId = id.Value, Input = new SaveProduct.Input() });
    }

    [HttpPost("new")]
    [RequestSizeLimit(60 * 1024 * 1024)]
    [EnableRateLimiting(RateLimitPolicies.Uploads)]
    [RequestFormLimits(MultipartBodyLengthLimit = 60 * 1024 * 1024)]
    [OneSubmission(nameof(Index))]
    public async Task<IActionResult> Create(int? companyId, SaveProduct.Input input, CancellationToken ct)
    {
        var id = await CompanyOfAsync(companyId);
        if (id is null || !User.CanEdit(id.Value) || !await db.Organizations.AnyAsync(o => o.Id == id, ct))
        {
            return NotFound();
        }

        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (!ModelState.IsValid)
        {
            return View("Form", new ProductFormViewModel { CompanyId = id.Value, Input = input });
        }

        var result = await save.CreateAsync(id.Value, input, ct);
        if (result.Outcome == SaveProduct.Outcome.UploadRefused)
        {
            AddErrors(result.Errors);
            return View("Form", new ProductFormViewModel { CompanyId = id.Value, Input = input });
        }

        this.FlashDone(l["Продукция «{0}» добавлена.", result.Product.Name].Value);
        return RedirectToAction(nameof(Index), new { companyId = await CompanyRouteValueAsync(id.Value) });
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var product = await FindAsync(id, ct);
        return product is null ? NotFound() : View("Form", await queries.FormAsync(product, SaveProduct.Input.From(product), ct));
    }

    [HttpPost("{id:int}/edit")]
    [RequestSizeLimit(60 * 1024 * 1024)]
    [EnableRateLimiting(RateLimitPolicies.Uploads)]
    [RequestFormLimits(MultipartBodyLengthLimit = 60 * 1024 * 1024)]
    public async Task<IActionResult> Edit(int id, SaveProduct.Input input, CancellationToken ct)
    {
        var product = await FindAsync(id, ct);
        if (product is null)
        {
            return NotFound();
        }

        (await validator.ValidateAsync(input, ct)).AddTo(ModelState);
        if (!ModelState.IsValid)
        {
            return View("Form", await queries.FormAsync(product, input, ct));
        }

        var result = await save.EditAsync(product, input, ct);
        switch (result.Outcome)
        {
            case SaveProduct.Outcome.Stale:
                var current = (await FindAsync(id, ct))!;
                ModelState.AddModelError(string.Empty, l["Пока вы редактировали, карточку продукции сохранил другой пользователь: сейчас она называется «{0}». Проверьте поля и сохраните ещё раз, чтобы записать вашу версию.", current.Name]);
                input.Version = current.Version;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Form", await queries.FormAsync(current, input, ct));
            case SaveProduct.Outcome.UploadRefused:
                AddErrors(result.Errors);
                return View("Form", await queries.FormAsync(product, input, ct));
            default:
                this.FlashDone(l["Продукция «{0}» сохранена.", product.Name].Value);
                return RedirectToAction(nameof(Index), new { companyId = await CompanyRouteValueAsync(product.OrganizationId) });
        }
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

        if (await delete.HandleAsync(product, version, ct) == DeleteProduct.Outcome.Stale)
        {
            return await StaleProductAsync(id, ct);
        }

        this.FlashDone(l["Продукция «{0}» удалена из каталога. Агентство может её восстановить.", product.Name].Value);
        return RedirectToAction(nameof(Index), new { companyId = await CompanyRouteValueAsync(product.OrganizationId) });
    }

    [HttpPost("{id:int}/restore")]
    [Authorize(Policy = Policies.ScheduleMissions)]
    public async Task<IActionResult> Restore(int id, Guid? version, CancellationToken ct)
    {
        var (outcome, product) = await restore.HandleAsync(id, version, ct);
        switch (outcome)
        {
            case RestoreProduct.Outcome.NotFound:
                return NotFound();
            case RestoreProduct.Outcome.Stale:
                return await StaleProductAsync(id, ct);
            default:
                this.FlashDone(l["Продукция «{0}» восстановлена.", product!.Name].Value);
                return RedirectToAction(nameof(Index), new { companyId = product.OrganizationId });
        }
    }

    [HttpPost("{id:int}/files/{fileId:guid}/delete")]
    public async Task<IActionResult> DeleteFile(int id, Guid fileId, CancellationToken ct)
    {
        var product = await FindAsync(id, ct);
        return product is null || !await deleteFile.HandleAsync(product, fileId, ct) ? NotFound() : RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>The delete or restore button was on a page older than the product: say what it is now.</summary>
    private async Task<IActionResult> StaleProductAsync(int id, CancellationToken ct)
    {
        var current = await db.Products.IgnoreQueryFilters().AsNoTracking().SingleAsync(p => p.Id == id, ct);
        return this.StaleDecision(
            l["Продукция «{0}» ({1}) сейчас {2}.", current.Name, current.Category, current.DeletedAtUtc is null ? l["в каталоге"] : l["в корзине удалённых"]],
            Url.Action(nameof(Index), new { companyId = await CompanyRouteValueAsync(current.OrganizationId) })!);
    }

    private void AddErrors(IEnumerable<SaveProduct.UploadError> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }
    }

    /// <summary>The agency works on any company's products, and sees the deleted ones.</summary>
    private async Task<bool> IsAgencyAsync() => (await authorization.AuthorizeAsync(User, Policies.ScheduleMissions)).Succeeded;

    private async Task<int?> CompanyOfAsync(int? requested) => await IsAgencyAsync() ? requested ?? User.OrganizationId() : User.OrganizationId();

    private async Task<int?> CompanyRouteValueAsync(int companyId) => await IsAgencyAsync() ? companyId : null;

    /// <summary>The product if this user may edit it; otherwise null, which the actions answer with 404.</summary>
    private async Task<Product?> FindAsync(int id, CancellationToken ct)
    {
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == id, ct);
        return product is not null && User.CanEdit(product.OrganizationId) ? product : null;
    }
}
