package vmck.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import vmck.spec.Profile;
import vmck.spec.Profiles;

/** {@code --profile NAME} to a profile; an unknown name is a usage error listing the known ones. */
final class ProfileConverter implements ITypeConverter<Profile> {

    @Override
    public Profile convert(String name) {
        return Profiles.byName(name).orElseThrow(() -> new TypeConversionException("unknown profile '" + name
                + "'; known: " + String.join(", ", Profiles.all().stream().map(Profile::name).toList())));
    }
}
