using System.Text;
using ChainMatch.Api.Access;
using ChainMatch.Api.Graph;
using ChainMatch.Api.Infrastructure;
using ChainMatch.Api.Projects;
using ChainMatch.Domain.Access;
using ChainMatch.Domain.Contacts;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;
using ChainMatch.Ranking.Leads;
using ChainMatch.Storage.Contacts;
using ChainMatch.Storage.Lists;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMatch.Api.Contacts;

/// <summary>
/// The 客商库: people at firms, the team's interactions with firms, promotion events (推介会) and the targets going cold.
/// Contacts are personal data: every route needs read-contacts or write-contacts, which only the investment team and
/// admins hold, and every record is its region's, like a project.
/// </summary>
public static partial class ContactsApi
{
    public static IEndpointRouteBuilder MapContactsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/crm").WithTags("客商库");
        api.MapGet("/contacts", ListContacts).Require(Permission.ReadContacts).WithSummary("Contacts in a region (and below), optionally of one firm or owner team.").ProducesValidationProblem();
        api.MapGet("/contacts.csv", ExportContacts).Require(Permission.ReadContacts).WithSummary("The same contacts as CSV, in the columns the import reads.").ProducesValidationProblem();
        api.MapPost("/contacts", AddContact).Require(Permission.WriteContacts).Audited(new AuditTarget(_ => "contacts"))
            .WithSummary("Add a contact: person, firm, title, phone/e-mail, owner team and the consent note they are held on.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/contacts/import", ImportContacts).Require(Permission.WriteContacts).TakesFiles().AsExpensive().Audited(new AuditTarget(_ => "contacts"))
            .WithSummary("Import contacts as CSV (id,firm,region,name,title,phone,email,owner,consent,added); all or nothing, every bad row named; ?dryRun=true writes nothing.")
            .Accepts<string>("text/csv").ProducesValidationProblem();
        api.MapGet("/interactions", ListInteractions).Require(Permission.ReadContacts)
            .WithSummary("Visits, meetings, calls and events in a region (and below), newest first; optionally of one firm or one project.").ProducesValidationProblem();
        api.MapGet("/interactions.csv", ExportInteractions).Require(Permission.ReadContacts).WithSummary("The same interactions as CSV.").ProducesValidationProblem();
        api.MapPost("/interactions/import", ImportInteractions).Require(Permission.WriteContacts).TakesFiles().AsExpensive().Audited(new AuditTarget(_ => "interactions"))
            .WithSummary("Import interactions as CSV (id,kind,date,firm,region,contact,project,who,notes,next_step,owner); all or nothing, every bad row named; ?dryRun=true writes nothing.")
            .Accepts<string>("text/csv").ProducesValidationProblem();
        api.MapPost("/interactions", LogInteraction).Require(Permission.WriteContacts).Audited(new AuditTarget(_ => "interactions"))
            .WithSummary("Log a visit, meeting, call or event with a firm: date, who, notes, next step; optionally with a contact and for a project.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/events", ListEvents).Require(Permission.ReadContacts).WithSummary("Promotion events (推介会) in a region (and below), newest first; optionally where a firm was met.").ProducesValidationProblem();
        api.MapPost("/events", AddEvent).Require(Permission.WriteContacts).Audited(new AuditTarget(_ => "promotion events"))
            .WithSummary("Record a promotion event: name, date, place, region and the firms met.").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/events.csv", ExportEvents).Require(Permission.ReadContacts).WithSummary("The same promotion events as CSV, in the columns the import reads.").ProducesValidationProblem();
        api.MapPost("/events/import", ImportEvents).Require(Permission.WriteContacts).TakesFiles().AsExpensive().Audited(new AuditTarget(_ => "promotion events"))
            .WithSummary("Import promotion events as CSV (id,name,date,place,region,firms,owner,notes; firms separated by ';'); all or nothing, every bad row named; ?dryRun=true writes nothing.")
            .Accepts<string>("text/csv").ProducesValidationProblem();
        api.MapGet("/stale", Stale).Require(Permission.ReadContacts)
            .WithSummary("Targets (projects at lead, contacted or negotiating) with no touch for `days` days (default 30), per region and owner team, longest first.").ProducesValidationProblem();
        api.MapPut("/contacts/{contactId}", EditContact).Require(Permission.WriteContacts).Audited(AuditContact)
            .WithSummary("Correct a contact's title, phone/e-mail, owner team and consent note (all five, as the form holds them); the person's name, firm and region stay.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapDelete("/contacts/{contactId}", RemoveContact).Require(Permission.WriteContacts).Audited(AuditContact)
            .WithSummary("Remove a contact whose consent was withdrawn: name, title, phone, e-mail and consent note are deleted for good; the audit log keeps who removed which id.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>A contact's edit and removal are audited as the contact was and became, without its personal data (see <see cref="Contact.Trace"/>).</summary>
    static readonly AuditTarget AuditContact = new(c => $"contact:{c.Request.RouteValues["contactId"]}",
        (c, graph) => graph.Data.Contacts.FirstOrDefault(x => x.Id == (string?)c.Request.RouteValues["contactId"])?.Trace());

    /// <summary>Without a region the list is the caller's region (every region for a caller for all regions).</summary>
    public sealed record CrmQuery(string? region, string? firm, string? owner, string? project) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Region(nameof(region), region)];
    }

    public sealed record StaleQuery(string? region, string? chain, string? owner, string? days) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Region(nameof(region), region), ScopeDemand.Chain(nameof(chain), chain)];
    }

    public sealed record NewContact(string? Id, string? Firm, string? Region, string? Name, string? Title, string? Phone, string? Email, string? OwnerTeam, string? ConsentNote) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Region("region", Region)];
    }

    /// <summary>The stored contact's region is demanded by the handler: the body names none.</summary>
    public sealed record ContactEdit(string? Title, string? Phone, string? Email, string? OwnerTeam, string? ConsentNote) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [];
    }

    public sealed record NewInteraction(string? Id, string? Kind, string? Date, string? Firm, string? Region, string? Contact, string? Project,
        string? Who, string? Notes, string? NextStep, string? OwnerTeam) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Region("region", Region)];
    }

    public sealed record NewEvent(string? Id, string? Name, string? Date, string? Place, string? Region, IReadOnlyList<string>? Firms, string? OwnerTeam, string? Notes) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Region("region", Region)];
    }

    public sealed record ContactView(string Id, string Firm, string FirmName, string Region, string RegionName, string Name, string? Title, string? Phone, string? Email,
        string OwnerTeam, string ConsentNote, DateOnly Added);

    public sealed record InteractionView(string Id, InteractionKind Kind, DateOnly Date, string Firm, string FirmName, string Region, string RegionName,
        string? Contact, string? ContactName, string? Project, string Who, string Notes, string? NextStep, string OwnerTeam);

    public sealed record FirmRef(string Id, string Name);

    public sealed record EventView(string Id, string Name, DateOnly Date, string Place, string Region, string RegionName, IReadOnlyList<FirmRef> Firms, string OwnerTeam, string? Notes);

    public sealed record StaleView(string Project, string Firm, string FirmName, string Segment, string SegmentName, string Region, string RegionName, string OwnerTeam,
        ProjectStage Stage, DateOnly LastTouch, string LastTouchBy, int Days);

    public sealed record ImportReport(int Rows, int Written, bool DryRun);

    static Results<Ok<List<ContactView>>, ValidationProblem> ListContacts([AsParameters] CrmQuery q, GraphSnapshot snapshot, Caller caller)
    {
        var graph = snapshot.Current;
        var (region, firm, errors) = Filters(graph, q, caller);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(ContactBook.Contacts(graph, region, firm, q.owner).Select(c => View(graph, c)).ToList());
    }

    static Results<Ok<List<InteractionView>>, ValidationProblem> ListInteractions([AsParameters] CrmQuery q, GraphSnapshot snapshot, Caller caller)
    {
        var graph = snapshot.Current;
        var (region, firm, errors) = Filters(graph, q, caller);
        if (errors.Count == 0 && q.project is { } project) ProjectsApi.Find(graph, project, caller);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(ContactBook.Interactions(graph, region, firm, q.project).Select(i => View(graph, i, caller)).ToList());
    }

    static Results<Ok<List<EventView>>, ValidationProblem> ListEvents([AsParameters] CrmQuery q, GraphSnapshot snapshot, Caller caller)
    {
        var graph = snapshot.Current;
        var (region, firm, errors) = Filters(graph, q, caller);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(ContactBook.Events(graph, region, firm).Select(e => View(graph, e)).ToList());
    }

    static Results<Ok<List<StaleView>>, ValidationProblem> Stale([AsParameters] StaleQuery q, GraphSnapshot snapshot, Caller caller, TimeProvider time)
    {
        var graph = snapshot.Current;
        var errors = Parameters.Errors();
        var region = q.region ?? caller.DefaultRegion;
        if (region is not null && graph.FindRegion(new RegionCode(region)) is null) errors["region"] = [$"unknown region '{region}'"];
        if (q.chain is { } c && graph.FindChain(new ChainId(c)) is null) errors["chain"] = [$"unknown chain '{c}'"];
        var days = StaleTargets.DefaultDays;
        if (q.days is not null && (!int.TryParse(q.days, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out days) || days is < 1 or > 3650))
            errors["days"] = [$"'{q.days}' is not a number of days from 1 to 3650"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var projects = ProjectReports.Select(graph, new ProjectSelection(region is null ? null : new RegionCode(region), q.chain is null ? null : new ChainId(q.chain), null, q.owner));
        var today = DateOnly.FromDateTime(time.GetLocalNow().Date);
        return TypedResults.Ok(StaleTargets.Of(graph, projects, today, days).Select(s => new StaleView(s.Project.Id, s.Project.Firm.Value, graph.FindFirm(s.Project.Firm)!.Name,
            s.Project.Segment.Value, graph.FindSegment(s.Project.Segment)!.Name, s.Project.Region.Value, graph.FindRegion(s.Project.Region)!.Name, s.Project.OwnerTeam,
            s.Project.Stage, s.LastTouch, s.LastTouchBy, s.Days)).ToList());
    }

    static async Task<Results<Created<ContactView>, ValidationProblem>> AddContact(NewContact body, GraphSnapshot snapshot, GraphWrites writes, Caller caller, TimeProvider time, CancellationToken ct)
    {
        var errors = Parameters.Errors();
        var (firm, region) = FirmAndRegion(snapshot.Current, body.Firm, body.Region, errors);
        if (body.Id is not null) Parameters.Slug(body.Id, "id", errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        Contact Make(string id) => Contact.Create(id, firm, region, body.Name, body.Title, body.Phone, body.Email, body.OwnerTeam, body.ConsentNote, Today(time));
        // Checked before the write waits its turn: a missing name or a bad e-mail is a 400 naming it.
        Make(body.Id ?? "contact");
        var (contact, _) = await writes.UpdateAsync(graph =>
        {
            var id = body.Id ?? new ContactIds(graph.Data.Contacts.Select(c => c.Id)).Next();
            RefuseTaken(graph, caller, "contact", id, graph.Data.Contacts.FirstOrDefault(c => c.Id == id)?.Region);
            var made = Make(id);
            return (GraphData.Empty with { Contacts = [made] }, made);
        }, "new contact", ct);
        return TypedResults.Created($"/api/crm/contacts?firm={contact.Firm}", View(snapshot.Current, contact));
    }

    static async Task<Results<Ok<ContactView>, ValidationProblem>> EditContact(string contactId, ContactEdit body, GraphSnapshot snapshot, GraphWrites writes, Caller caller,
        CancellationToken ct)
    {
        var errors = Parameters.Errors();
        Parameters.Slug(contactId, nameof(contactId), errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        Contact Edit(ChainGraph graph) => Stored(graph, contactId, caller).Edit(body.Title, body.Phone, body.Email, body.OwnerTeam, body.ConsentNote);
        // Checked before the write waits its turn: a bad e-mail is a 400 naming it, another region's contact a 403.
        Edit(snapshot.Current);
        var (edited, _) = await writes.UpdateAsync(graph =>
        {
            var next = Edit(graph);
            return (GraphData.Empty with { Contacts = [next] }, next);
        }, $"contact {contactId}", ct);
        return TypedResults.Ok(View(snapshot.Current, edited));
    }

    static async Task<Results<NoContent, ValidationProblem>> RemoveContact(string contactId, GraphSnapshot snapshot, GraphWrites writes, Caller caller, TimeProvider time,
        CancellationToken ct)
    {
        var errors = Parameters.Errors();
        Parameters.Slug(contactId, nameof(contactId), errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        Stored(snapshot.Current, contactId, caller);
        await writes.UpdateAsync(graph => (GraphData.Empty with { Contacts = [Stored(graph, contactId, caller).Remove(Today(time))] }, 0), $"contact {contactId} removed", ct);
        return TypedResults.NoContent();
    }

    /// <summary>A stored contact the caller may change: unknown is a 404, another region's a 403 naming only the id.</summary>
    static Contact Stored(ChainGraph graph, string id, Caller caller)
    {
        var contact = graph.Data.Contacts.FirstOrDefault(c => c.Id == id) ?? throw new NotFoundException("contact", id);
        caller.Scope.DemandStored(graph, "contact", id, contact.Region);
        return contact;
    }

    /// <summary>A record is written by a caller who holds its region as stored and as it would become.</summary>
    static void DemandRecord(ChainGraph graph, Caller caller, string kind, string id, RegionCode? stored, RegionCode updated)
    {
        if (stored is { } s) caller.Scope.DemandStored(graph, kind, id, s);
        if (!caller.Scope.Holds(graph, updated)) throw new AccessDeniedException($"region: region {updated} of {kind} '{id}' is outside this caller's scope ({caller.Scope.Text})");
    }

    static async Task<Results<Created<InteractionView>, ValidationProblem>> LogInteraction(NewInteraction body, GraphSnapshot snapshot, GraphWrites writes, Caller caller, TimeProvider time,
        CancellationToken ct)
    {
        var graph = snapshot.Current;
        var errors = Parameters.Errors();
        var (firm, region) = FirmAndRegion(graph, body.Firm, body.Region, errors);
        if (!Interaction.TryParse(body.Kind, out var kind)) errors["kind"] = [$"'{body.Kind}' is not a kind of interaction: use {Interaction.Kinds}"];
        var date = Parameters.Date(body.Date, "date", errors);
        if (body.Id is not null) Parameters.Slug(body.Id, "id", errors);
        if (body.Contact is { } contactId && graph.Data.Contacts.All(c => c.Id != contactId)) errors["contact"] = [$"unknown contact '{contactId}'"];
        if (body.Project is { } projectId && graph.Data.Projects.All(p => p.Id != projectId)) errors["project"] = [$"unknown project '{projectId}'"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var today = Today(time);
        // The contact and project met are read where the caller may read them: another region's are refused, not linked.
        Interaction Make(ChainGraph g, string id)
        {
            var contact = body.Contact is { } c ? g.Data.Contacts.First(x => x.Id == c) : null;
            if (contact is not null) caller.Scope.DemandStored(g, "contact", contact.Id, contact.Region);
            if (contact is { IsRemoved: true }) throw new Domain.InvalidValueException("contact", $"contact '{contact.Id}' was removed when consent was withdrawn");
            var project = body.Project is { } p ? ProjectsApi.Find(g, p, caller) : null;
            return Interaction.Create(id, kind!.Value, date, firm, region, contact, project, body.Who, body.Notes, body.NextStep, body.OwnerTeam, today);
        }
        Make(graph, body.Id ?? "interaction");
        var (logged, _) = await writes.UpdateAsync(g =>
        {
            var id = body.Id ?? new ContactIds(g.Data.Interactions.Select(i => i.Id), "interaction").Next();
            RefuseTaken(g, caller, "interaction", id, g.Data.Interactions.FirstOrDefault(i => i.Id == id)?.Region);
            var made = Make(g, id);
            return (GraphData.Empty with { Interactions = [made] }, made);
        }, "new interaction", ct);
        return TypedResults.Created($"/api/crm/interactions?firm={logged.Firm}", View(snapshot.Current, logged, caller));
    }

    static async Task<Results<Created<EventView>, ValidationProblem>> AddEvent(NewEvent body, GraphSnapshot snapshot, GraphWrites writes, Caller caller, CancellationToken ct)
    {
        var graph = snapshot.Current;
        var errors = Parameters.Errors();
        Parameters.RegionCode(body.Region, "region", errors);
        if (body.Region is not null && !errors.ContainsKey("region") && graph.FindRegion(new RegionCode(body.Region)) is null) errors["region"] = [$"unknown region '{body.Region}'"];
        var date = Parameters.Date(body.Date, "date", errors);
        if (body.Id is not null) Parameters.Slug(body.Id, "id", errors);
        var unknown = (body.Firms ?? []).Where(f => graph.FindFirm(new FirmId(f)) is null).ToList();
        if (unknown.Count > 0) errors["firms"] = [$"unknown firms: {string.Join(", ", unknown)}"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        PromotionEvent Make(string id) => PromotionEvent.Create(id, body.Name, date, body.Place, new RegionCode(body.Region!), (body.Firms ?? []).Select(f => new FirmId(f)), body.OwnerTeam, body.Notes);
        Make(body.Id ?? "event");
        var (added, _) = await writes.UpdateAsync(g =>
        {
            var id = body.Id ?? new ContactIds(g.Data.PromotionEvents.Select(e => e.Id), "event").Next();
            RefuseTaken(g, caller, "promotion event", id, g.Data.PromotionEvents.FirstOrDefault(e => e.Id == id)?.Region);
            var made = Make(id);
            return (GraphData.Empty with { PromotionEvents = [made] }, made);
        }, "new promotion event", ct);
        return TypedResults.Created($"/api/crm/events?region={added.Region}", View(snapshot.Current, added));
    }

    /// <summary>An id already stored: another region's is refused as outside the scope (saying nothing of where), one's own is a conflict.</summary>
    static void RefuseTaken(ChainGraph graph, Caller caller, string kind, string id, RegionCode? stored)
    {
        if (stored is not { } region) return;
        caller.Scope.DemandStored(graph, kind, id, region);
        throw new WriteConflictException($"{kind} exists", $"{kind} '{id}' already exists");
    }

    static (FirmId Firm, RegionCode Region) FirmAndRegion(ChainGraph graph, string? firm, string? region, Dictionary<string, string[]> errors)
    {
        if (firm is null) errors["firm"] = ["'firm' is required"];
        else if (graph.FindFirm(new FirmId(firm)) is null) errors["firm"] = [$"unknown firm '{firm}'"];
        Parameters.RegionCode(region, "region", errors);
        if (region is not null && !errors.ContainsKey("region") && graph.FindRegion(new RegionCode(region)) is null) errors["region"] = [$"unknown region '{region}'"];
        return (new FirmId(firm ?? ""), new RegionCode(region ?? ""));
    }

    static (RegionCode? Region, FirmId? Firm, Dictionary<string, string[]> Errors) Filters(ChainGraph graph, CrmQuery q, Caller caller)
    {
        var errors = Parameters.Errors();
        var region = q.region ?? caller.DefaultRegion;
        if (region is not null && graph.FindRegion(new RegionCode(region)) is null) errors["region"] = [$"unknown region '{region}'"];
        if (q.firm is { } f && graph.FindFirm(new FirmId(f)) is null) errors["firm"] = [$"unknown firm '{f}'"];
        if (q.project is { } p && graph.Data.Projects.All(x => x.Id != p)) errors["project"] = [$"unknown project '{p}'"];
        return (region is null ? null : new RegionCode(region), q.firm is null ? null : new FirmId(q.firm), errors);
    }

    static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetLocalNow().Date);

    static ContactView View(ChainGraph graph, Contact c) => new(c.Id, c.Firm.Value, graph.FindFirm(c.Firm)!.Name, c.Region.Value, graph.FindRegion(c.Region)!.Name,
        c.Name, c.Title, c.Phone, c.Email, c.OwnerTeam, c.ConsentNote, c.Added);

    /// <summary>The contact met is named only where the caller may read it.</summary>
    static InteractionView View(ChainGraph graph, Interaction i, Caller caller)
    {
        var contact = i.Contact is { } id ? graph.Data.Contacts.FirstOrDefault(c => c.Id == id) : null;
        var seen = contact is { IsRemoved: false } && caller.Scope.SeesStored(graph, contact.Region);
        return new(i.Id, i.Kind, i.Date, i.Firm.Value, graph.FindFirm(i.Firm)!.Name, i.Region.Value, graph.FindRegion(i.Region)!.Name,
            seen ? i.Contact : null, seen ? contact!.Name : null, i.Project, i.Who, i.Notes, i.NextStep, i.OwnerTeam);
    }

    static EventView View(ChainGraph graph, PromotionEvent e) => new(e.Id, e.Name, e.Date, e.Place, e.Region.Value, graph.FindRegion(e.Region)!.Name,
        [.. e.Firms.Select(f => new FirmRef(f.Value, graph.FindFirm(f)!.Name))], e.OwnerTeam, e.Notes);
}
