import type { CommandGroup } from '../../command.js';
import {
  containerlimitCommand, copyCommand, createCommand, deleteCommand, groupCommand, infoCommand, listCommand, mkdirCommand, moveCommand,
  permissionsCommand, publishCommand, quotaCommand, sharersCommand, truncateCommand, unpublishCommand, versionsCommand,
} from './file-manage.js';
import { appendCommand, catCommand, downloadCommand, uploadCommand } from './file-transfer.js';

/** kamaki's `file` group (Pithos+ object storage). */
export const fileGroup: CommandGroup = {
  summary: 'Pithos+ object storage: files, containers, sharing, versions',
  commands: {
    list: listCommand,
    info: infoCommand,
    mkdir: mkdirCommand,
    create: createCommand,
    upload: uploadCommand,
    download: downloadCommand,
    cat: catCommand,
    copy: copyCommand,
    move: moveCommand,
    append: appendCommand,
    truncate: truncateCommand,
    delete: deleteCommand,
    publish: publishCommand,
    unpublish: unpublishCommand,
    permissions: permissionsCommand,
    versions: versionsCommand,
    containerlimit: containerlimitCommand,
    quota: quotaCommand,
    group: groupCommand,
    sharers: sharersCommand,
  },
};

/** kamaki command groups of this part, by kamaki's group word. */
export const fileGroups: { file: CommandGroup } = { file: fileGroup };
