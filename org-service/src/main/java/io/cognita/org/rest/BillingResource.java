package io.cognita.org.rest;

import io.cognita.org.domain.BillingPlan;
import io.cognita.org.service.BillingService;
import io.cognita.org.service.OrgAccess;
import io.cognita.platform.api.ApiResponse;
import io.cognita.platform.problem.ProblemException;
import io.cognita.platform.request.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

@Path("/orgs/{orgId}/billing")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Billing")
public class BillingResource {

    public record PlanRequest(@NotNull BillingPlan plan) {
    }

    public record PaymentMethodRequest(@NotBlank @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9_:.-]+") String reference,
                                       @NotBlank @Size(max = 40) String brand,
                                       @NotNull @Pattern(regexp = "[0-9]{4}", message = "must be the last four digits") String last4) {
    }

    private final BillingService billing;
    private final OrgAccess access;

    public BillingResource(BillingService billing, OrgAccess access) {
        this.billing = billing;
        this.access = access;
    }

    @GET
    @Operation(summary = "Get Billing Details", description = "Org admin with billing:read. Subscription (plan, "
            + "status, trial), entitlements, payment method, usage this period, recent invoices.")
    public ApiResponse<BillingService.BillingOverview> overview(@PathParam("orgId") String orgId) {
        return ApiResponse.ok("Billing", billing.overview(Ids.uuid("orgId", orgId)));
    }

    @POST
    @Path("/plan")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update Plan", description = "Owner with billing:write. Entitlements and the plan's features "
            + "follow at once; org.plan-changed.")
    public ApiResponse<BillingService.BillingOverview> changePlan(@PathParam("orgId") String orgId,
                                                                 @NotNull @Valid PlanRequest body) {
        return ApiResponse.ok("Plan changed", billing.changePlan(Ids.uuid("orgId", orgId), body.plan()));
    }

    @PUT
    @Path("/payment-method")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set payment method", description = "Owner with billing:write. Only the provider's reference, "
            + "brand and last four digits are kept — never a card number. "
            + "Allowed while the org is suspended: settling the payment is how a suspension is lifted.")
    public ApiResponse<BillingService.PaymentMethodView> paymentMethod(@PathParam("orgId") String orgId,
                                                                      @NotNull @Valid PaymentMethodRequest body) {
        return ApiResponse.ok("Payment method set",
                billing.setPaymentMethod(Ids.uuid("orgId", orgId), body.reference(), body.brand(), body.last4()));
    }

    @POST
    @Path("/invoices/{period}")
    @Operation(summary = "Close a period", description = "system:admin (the billing job). Issues the invoice of a past "
            + "period (YYYY-MM) from the plan and the usage; idempotent. The billing job does the same for every org on "
            + "the first days of a month; this is for a re-run or a correction.")
    public ApiResponse<BillingService.InvoiceView> closePeriod(@PathParam("orgId") String orgId, @PathParam("period") String period) {
        access.requireSystemAdmin();
        YearMonth month;
        try {
            month = YearMonth.parse(period);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("period", "must be YYYY-MM");
        }
        return ApiResponse.ok("Invoice", BillingService.InvoiceView.of(billing.closePeriod(Ids.uuid("orgId", orgId), month, access.actor())));
    }
}
