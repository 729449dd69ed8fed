package io.ucell.files;

/** The module has no file of that name. */
public class ModuleFileNotFoundException extends ModuleFileException {
    private static final long serialVersionUID = 1L;

    private final String name;

    public ModuleFileNotFoundException(String name) {
        super("no file '" + name + "' on the module");
        this.name = name;
    }

    public String name() {
        return name;
    }
}
