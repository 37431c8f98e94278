import { ConnectForm } from '../../ui/connect-form.js';
import { ConnectionsList } from '../../ui/connections-list.js';

export function ConnectionsScreen() {
  return (
    <>
      <ConnectForm />
      <ConnectionsList />
    </>
  );
}
