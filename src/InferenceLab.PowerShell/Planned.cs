using InferenceLab.Core;

namespace InferenceLab.PowerShell
{
    /// <summary>
    /// One point of a cmdlet's sweep: the Core request to run, or the error that building it raised. A cmdlet plans its
    /// points in a separate method, so tests can read the requests without a PowerShell runspace, and its ProcessRecord
    /// only runs them, writing each result or error as it comes.
    /// </summary>
    /// <typeparam name="TRequest">The Core input of one point.</typeparam>
    internal sealed class Planned<TRequest>
        where TRequest : class
    {
        private Planned(TRequest? request, InferenceLabException? error, string target)
        {
            Request = request;
            Error = error;
            Target = target;
        }

        /// <summary>The request; null when <see cref="Error"/> is set.</summary>
        public TRequest? Request { get; }

        /// <summary>Why the point has no request; null when it has one.</summary>
        public InferenceLabException? Error { get; }

        /// <summary>The point's inputs in words, the target of an error record (<c>Model=llama-2-7b BatchSize=8</c>).</summary>
        public string Target { get; }

        /// <summary>A point with a request.</summary>
        public static Planned<TRequest> Of(TRequest request, string target) => new Planned<TRequest>(request, null, target);

        /// <summary>A point whose request could not be built.</summary>
        public static Planned<TRequest> Failed(InferenceLabException error, string target) => new Planned<TRequest>(null, error, target);
    }
}
