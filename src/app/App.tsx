export function App() {
  return (
    <main>
      <h1>svclab</h1>
      <p>Kubernetes Services, packet by packet.</p>
    </main>
  );
}
