import { useApolloClient, useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { SessionDocument } from '../../app/session';
import { graphql } from '../../gql/__generated__';

const SignOutDocument = graphql(`
  mutation SignOut {
    signOut
  }
`);

/** Ends the session on the server, forgets everything cached for this person, goes to /masuk. */
export function useSignOut() {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [signOut, { loading }] = useMutation(SignOutDocument);
  async function run() {
    try {
      await signOut();
    } finally {
      await navigate('/masuk', { replace: true });
      await client.clearStore();
      client.writeQuery({ query: SessionDocument, data: { me: null } });
    }
  }
  return { signOut: run, loading };
}
