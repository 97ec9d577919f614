package vmck.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import vmck.conformance.Shard;

/** {@code --shard K/N} to a shard; anything else is a usage error saying the form. */
final class ShardConverter implements ITypeConverter<Shard> {

    @Override
    public Shard convert(String text) {
        try {
            return Shard.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
