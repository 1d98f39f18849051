using ChainMatch.Storage.Neo4j;

namespace ChainMatch.Storage.Tests;

/// <summary>Reading Query API bodies: typed and plain values, transactions, and errors hidden in a 202.</summary>
public class QueryResultTests
{
    static QueryResult Parse(string recording)
    {
        var r = Neo4jRecording.Load(recording);
        return QueryResult.Parse("test", Neo4jTestStore.Connection, r.Status, null, r.ResponseBody);
    }

    [Test]
    public void TypedIntegersAndFloatsKeepTheirFullPrecision()
    {
        var row = Parse("query-typed-values").Records.Single();
        Assert.That((row.Integer("big"), row.Float("f"), row.Float("huge")), Is.EqualTo((long.MaxValue, 0.1, 2.0e300)));
    }

    [Test]
    public void TypedStringsBooleansNullsAndListsAreRead()
    {
        var row = Parse("query-typed-values").Records.Single();
        Assert.That((row.String("s"), row.Boolean("b"), row.String("n")), Is.EqualTo(("Ē铝", (bool?)true, (string?)null)));
        Assert.That(row.StringList("l"), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(row.IntegerList("li"), Is.EqualTo(new[] { 1L, 2L }));
    }

    [Test]
    public void PlainJsonValuesAreReadToo()
    {
        var row = Parse("query-plain-values").Records.Single();
        Assert.That((row.Integer("i"), row.Float("f"), row.String("s"), row.Integer("n")), Is.EqualTo(((long?)42, (double?)1.5, "x", (long?)null)));
    }

    [Test]
    public void AValueOfTheWrongTypeIsAnErrorNamingTheField()
    {
        var row = Parse("query-typed-values").Records.Single();
        Assert.That(() => row.Integer("s"), Throws.TypeOf<FormatException>().With.Message.EqualTo("Neo4j's answer to 'test' has a String value in 's' where an integer was expected"));
    }

    [Test]
    public void ABeginAnswerCarriesTheTransactionId()
    {
        Assert.That(Parse("tx-begin").TransactionId, Is.EqualTo("9f3a1c"));
        Assert.That(Parse("tx-run").TransactionId, Is.EqualTo("9f3a1c"));
        Assert.That(Parse("tx-commit").TransactionId, Is.Null);
    }

    [Test]
    public void AnEmptyRollbackAnswerIsASuccess()
    {
        Assert.That(Parse("tx-rollback").Records, Is.Empty);
    }

    [Test]
    public void RowsFollowedByAnErrorAreAFailure()
    {
        Assert.That(() => Parse("query-error-after-rows"),
            Throws.TypeOf<Neo4jException>().With.Property(nameof(Neo4jException.Code)).EqualTo("Neo.ClientError.Statement.ArithmeticError"));
    }

    [Test]
    public void TransientErrorsArriveAsHttp400AndAreStillTransient()
    {
        var error = Assert.Throws<Neo4jException>(() => Parse("query-deadlock"))!;
        Assert.That((error.HttpStatus, error.IsTransient), Is.EqualTo(((int?)400, true)));
    }

    [Test]
    public void AGatewayPageIsATransientFailureWithoutACode()
    {
        var error = Assert.Throws<Neo4jException>(() => Parse("gateway-unavailable"))!;
        Assert.That((error.Code, error.IsTransient), Is.EqualTo(((string?)null, true)));
    }
}
