using System.CommandLine;
using System.Text.Json;
using ChainMatch.Domain;
using ChainMatch.Domain.Access;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Cli;

/// <summary>
/// <c>chainmatch keys create|list|revoke</c>: the service's API keys, in the configured store. A key's token
/// is printed once at creation; only its hash is kept. Creating and revoking keys is recorded in the audit log.
/// </summary>
static class KeysCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("keys", "Create, list and revoke the service's API keys.");
        command.Subcommands.Add(CreateKey(output));
        command.Subcommands.Add(List(output));
        command.Subcommands.Add(Revoke(output));
        return command;
    }

    static Command CreateKey(TextWriter output)
    {
        var name = new Option<string>("--name") { Description = "Who or what the key is for, e.g. kunming-investment.", Required = true };
        var role = new Option<string>("--role") { Description = $"One of {Role.Names}.", Required = true };
        var region = new Option<string>("--region") { Description = "The region subtree the key sees (a region code), or * for every region.", Required = true };
        var chain = new Option<string[]>("--chain") { Description = "For a chain chief: a chain the key may see (repeat for several)." };
        var create = new Command("create", "Create a key and print its token once.") { name, role, region, chain };
        create.SetAction(async (parse, ct) =>
        {
            var (roleName, regionCode, chains) = (parse.GetValue(role)!, parse.GetValue(region)!, parse.GetValue(chain) ?? []);
            var keyRole = Role.Parse(roleName) ?? throw new CliException($"--role '{roleName}' is not a role: use {Role.Names}", ChainMatchCli.Usage);
            if (keyRole.NamesChains && chains.Length == 0) throw new CliException("a chain chief's key names their chains with --chain", ChainMatchCli.Usage);
            if (regionCode != "*" || chains.Length > 0)
            {
                var graph = await GlobalOptions.LoadGraphAsync(parse, ct);
                if (regionCode != "*" && graph.FindRegion(new RegionCode(regionCode)) is null) throw new CliException($"--region '{regionCode}' is not a region of the graph");
                if (chains.FirstOrDefault(c => graph.FindChain(new ChainId(c)) is null) is { } unknown) throw new CliException($"--chain '{unknown}' is not a chain of the graph");
            }
            using var stores = await CliAudit.OpenAccessAsync(parse, ct);
            var (key, token) = await stores.Access.CreateKeyAsync(parse.GetValue(name)!, keyRole.Name, regionCode, chains, ChainMatchCli.Time.GetUtcNow(), ct);
            await stores.Access.AppendAsync(CliAudit.Entry(parse, "keys create", $"key:{key.Id}", null, key)!, ct);
            await output.WriteLineAsync($"created key {key.Id} ({key.Name}: {key.Role}, {key.Region}); its token, shown this once:");
            await output.WriteLineAsync(token);
            return ChainMatchCli.Ok;
        });
        return create;
    }

    static Command List(TextWriter output)
    {
        var format = Formats.Option();
        var list = new Command("list", "Every key, revoked ones with their revocation time; never the tokens.") { format };
        list.SetAction(async (parse, ct) =>
        {
            using var stores = await CliAudit.OpenAccessAsync(parse, ct);
            var keys = await stores.Access.ListKeysAsync(ct);
            await output.WriteLineAsync(parse.GetValue(format) == Formats.Json ? JsonSerializer.Serialize(keys, ReportJson.Options) : Tables.Keys(keys));
            return ChainMatchCli.Ok;
        });
        return list;
    }

    static Command Revoke(TextWriter output)
    {
        var id = new Argument<string>("id") { Description = "The key's id, as `keys list` shows it." };
        var revoke = new Command("revoke", "Revoke a key: the service refuses it from its next request on.") { id };
        revoke.SetAction(async (parse, ct) =>
        {
            using var stores = await CliAudit.OpenAccessAsync(parse, ct);
            var access = stores.Access;
            var before = (await access.ListKeysAsync(ct)).FirstOrDefault(k => k.Id == parse.GetValue(id));
            if (before is null || !await access.RevokeAsync(before.Id, ChainMatchCli.Time.GetUtcNow(), ct)) throw new CliException($"no key '{parse.GetValue(id)}'");
            var after = (await access.ListKeysAsync(ct)).Single(k => k.Id == before.Id);
            await access.AppendAsync(CliAudit.Entry(parse, "keys revoke", $"key:{before.Id}", before, after)!, ct);
            await output.WriteLineAsync($"revoked key {before.Id} ({before.Name})");
            return ChainMatchCli.Ok;
        });
        return revoke;
    }
}
