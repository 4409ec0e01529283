using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace InferenceLab.PowerShell.Tests
{
    /// <summary>
    /// Reads cmdlet attributes from metadata. PowerShellStandard.Library's attribute classes are stubs whose properties
    /// read empty at run time, so the constructor and named arguments are read with GetCustomAttributesData (DESIGN §10).
    /// </summary>
    internal static class CmdletMetadata
    {
        public static IReadOnlyList<Type> CmdletTypes { get; } = typeof(InferenceCommand).Assembly.GetExportedTypes()
            .Where(t => typeof(Cmdlet).IsAssignableFrom(t) && !t.IsAbstract)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToArray();

        public static string CmdletName(Type cmdlet)
        {
            var (verb, noun) = VerbAndNoun(cmdlet);
            return verb + "-" + noun;
        }

        public static (string Verb, string Noun) VerbAndNoun(Type cmdlet)
        {
            var data = cmdlet.GetCustomAttributesData().Single(a => a.AttributeType == typeof(CmdletAttribute));
            return ((string)data.ConstructorArguments[0].Value!, (string)data.ConstructorArguments[1].Value!);
        }

        public static IReadOnlyList<Type> OutputTypes(Type cmdlet) =>
            cmdlet.GetCustomAttributesData()
                .Where(a => a.AttributeType == typeof(OutputTypeAttribute))
                .SelectMany(a => a.ConstructorArguments)
                .SelectMany(arg => arg.Value is ReadOnlyCollection<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : new[] { arg.Value })
                .OfType<Type>()
                .ToArray();

        public static IReadOnlyList<ParameterInfo> Parameters(Type cmdlet) =>
            cmdlet.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => new ParameterInfo(p))
                .Where(p => p.Sets.Count > 0)
                .ToArray();

        public static ParameterInfo Parameter(Type cmdlet, string name) => Parameters(cmdlet).Single(p => p.Name == name);

        /// <summary>The completer type an [ArgumentCompleter(typeof(...))] on the parameter names, or null.</summary>
        public static Type? Completer(Type cmdlet, string parameter) =>
            Parameter(cmdlet, parameter).Property.GetCustomAttributesData()
                .Where(a => a.AttributeType == typeof(ArgumentCompleterAttribute))
                .Select(a => a.ConstructorArguments[0].Value as Type)
                .SingleOrDefault();

        /// <summary>The approved verbs: the constants of PowerShell's Verbs* classes.</summary>
        public static ISet<string> ApprovedVerbs { get; } = new HashSet<string>(
            typeof(VerbsCommon).Assembly.GetExportedTypes()
                .Where(t => t.Name.StartsWith("Verbs", StringComparison.Ordinal))
                .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
                .Where(f => f.IsLiteral)
                .Select(f => (string)f.GetRawConstantValue()!),
            StringComparer.Ordinal);

        internal sealed class ParameterInfo
        {
            public ParameterInfo(PropertyInfo property)
            {
                Property = property;
                Sets = property.GetCustomAttributesData().Where(a => a.AttributeType == typeof(ParameterAttribute)).Select(a => new SetInfo(a)).ToArray();
                Aliases = property.GetCustomAttributesData()
                    .Where(a => a.AttributeType == typeof(AliasAttribute))
                    .SelectMany(a => a.ConstructorArguments)
                    .SelectMany(arg => arg.Value is ReadOnlyCollection<CustomAttributeTypedArgument> many ? many.Select(m => (string)m.Value!) : new[] { (string)arg.Value! })
                    .ToArray();
                AttributeTypes = property.GetCustomAttributesData().Select(a => a.AttributeType).ToArray();
            }

            public PropertyInfo Property { get; }

            public string Name => Property.Name;

            public Type Type => Property.PropertyType;

            public IReadOnlyList<SetInfo> Sets { get; }

            public IReadOnlyList<string> Aliases { get; }

            public IReadOnlyList<Type> AttributeTypes { get; }

            public bool FromPipeline => Sets.Any(s => s.ValueFromPipeline);

            public bool FromPipelineByPropertyName => Sets.Any(s => s.ValueFromPipelineByPropertyName);

            public bool Mandatory => Sets.Any(s => s.Mandatory);

            public override string ToString() => Name;
        }

        internal sealed class SetInfo
        {
            public SetInfo(CustomAttributeData data)
            {
                object? Named(string name) => data.NamedArguments.Where(n => n.MemberName == name).Select(n => n.TypedValue.Value).FirstOrDefault();
                ParameterSetName = Named(nameof(ParameterAttribute.ParameterSetName)) as string ?? AllSets;
                Mandatory = Named(nameof(ParameterAttribute.Mandatory)) as bool? ?? false;
                ValueFromPipeline = Named(nameof(ParameterAttribute.ValueFromPipeline)) as bool? ?? false;
                ValueFromPipelineByPropertyName = Named(nameof(ParameterAttribute.ValueFromPipelineByPropertyName)) as bool? ?? false;
                Position = Named(nameof(ParameterAttribute.Position)) as int?;
            }

            /// <summary>PowerShell's name for "every parameter set".</summary>
            public const string AllSets = "__AllParameterSets";

            public string ParameterSetName { get; }

            public bool Mandatory { get; }

            public bool ValueFromPipeline { get; }

            public bool ValueFromPipelineByPropertyName { get; }

            public int? Position { get; }
        }
    }
}
