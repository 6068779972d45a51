output "task_name" {
  value = aws_datasync_task.s3_sync_task.name
}