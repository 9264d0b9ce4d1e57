import type { WordsCsvRequest } from '../../../../preload/contract/analysisTypes';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { wordsMessages } from './messages';

/** "Export CSV…": main counts the table again and writes it where its save dialog says. */
export function ExportCsvButton({
  request,
  disabled,
  onDone,
}: {
  request: WordsCsvRequest;
  disabled: boolean;
  onDone: (message: string, error: boolean) => void;
}) {
  const t = useMessages(wordsMessages);
  return (
    <button
      type="button"
      className="button"
      disabled={disabled}
      onClick={() =>
        void pizhu.exportWordsCsv(request).then((result) => {
          if (!result.ok) onDone(result.error.message, true);
          else if (result.value) onDone(t('exported', { rows: result.value.rows, path: result.value.path }), false);
        })
      }
    >
      {t('exportCsv')}
    </button>
  );
}
