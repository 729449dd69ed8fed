package io.ucell.files.internal;

import io.ucell.files.ModuleFileException;
import io.ucell.files.ModuleFiles;
import io.ucell.files.TemporaryModuleFile;
import io.ucell.files.client.AtModuleFiles;
import io.ucell.modem.ModemService;
import java.io.InputStream;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** {@link ModuleFiles} as an OSGi service on the modem service's AT engine; deletes its temporaries when stopped. */
@Component(immediate = true, service = ModuleFiles.class)
public final class ModuleFilesComponent implements ModuleFiles {
    @Reference
    private ModemService modem;

    private AtModuleFiles files;

    @Activate
    void activate() {
        files = new AtModuleFiles(() -> modem.at());
    }

    @Deactivate
    void deactivate() {
        files.close();
    }

    @Override
    public void upload(String name, byte[] data) throws ModuleFileException {
        files.upload(name, data);
    }

    @Override
    public void append(String name, byte[] data) throws ModuleFileException {
        files.append(name, data);
    }

    @Override
    public byte[] read(String name) throws ModuleFileException {
        return files.read(name);
    }

    @Override
    public byte[] readBlock(String name, long offset, int length) throws ModuleFileException {
        return files.readBlock(name, offset, length);
    }

    @Override
    public InputStream open(String name) throws ModuleFileException {
        return files.open(name);
    }

    @Override
    public boolean delete(String name) throws ModuleFileException {
        return files.delete(name);
    }

    @Override
    public List<String> list() throws ModuleFileException {
        return files.list();
    }

    @Override
    public boolean exists(String name) throws ModuleFileException {
        return files.exists(name);
    }

    @Override
    public long size(String name) throws ModuleFileException {
        return files.size(name);
    }

    @Override
    public long free() throws ModuleFileException {
        return files.free();
    }

    @Override
    public TemporaryModuleFile createTemporary(String purpose) {
        return files.createTemporary(purpose);
    }
}
